package io.prmos.engine.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL the engine starts when no database is configured. One per JVM, started
 * lazily on the first lookup of a datasource URL, stopped on shutdown. Its data directory is
 * durable (fsync on) and guarded by a file lock so two engines never share it.
 */
public final class EmbeddedPostgresServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    private static volatile EmbeddedPostgresServer instance;

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock) {
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    public static synchronized EmbeddedPostgresServer start(Path dataDirectory, boolean clean) {
        if (instance != null) {
            return instance;
        }
        try {
            Path absolute = dataDirectory.toAbsolutePath().normalize();
            Files.createDirectories(absolute.getParent());
            FileChannel channel = FileChannel.open(absolute.resolveSibling(absolute.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("the data directory " + absolute
                        + " is in use by another PRM OS engine; stop it or set prm.data-dir");
            }
            StalePostmaster.stopIfRunning(absolute);
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(absolute)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            LOG.infof("Embedded PostgreSQL started on port %d in %d ms (data: %s)",
                    postgres.getPort(), (System.nanoTime() - started) / 1_000_000, absolute);
            instance = new EmbeddedPostgresServer(postgres, channel, lock);
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stop, "prm-embedded-pg-stop"));
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public static synchronized void stop() {
        EmbeddedPostgresServer running = instance;
        if (running == null) {
            return;
        }
        instance = null;
        try {
            running.postgres.close();
            running.lock.release();
            running.lockChannel.close();
        } catch (IOException e) {
            LOG.warn("embedded PostgreSQL did not stop cleanly", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

}
