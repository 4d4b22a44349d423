package io.prmos.engine.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * After a SIGKILL of the engine, the daemonised postmaster outlives it and its pid file blocks the
 * next start. We hold the data directory's lock at this point, so a live postgres using it is
 * ours to stop.
 */
final class StalePostmaster {

    private static final Logger LOG = Logger.getLogger(StalePostmaster.class);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (process.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return;
        }
        LOG.warnf("Stopping a stale embedded PostgreSQL (pid %d) left by an engine that did not shut down",
                process.get().pid());
        process.get().destroy();
        try {
            process.get().onExit().get(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.get().destroyForcibly();
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        try {
            return Optional.of(Long.parseLong(first));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
