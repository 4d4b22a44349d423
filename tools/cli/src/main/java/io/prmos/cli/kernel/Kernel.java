package io.prmos.cli.kernel;

import io.prmos.cli.CliFailure;
import io.prmos.cli.auth.TokenClient;
import io.prmos.cli.http.Http;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One throw-away engine process. {@link #start} returns once it answers ready; {@link #close} stops it
 * (SIGTERM, which also stops its embedded PostgreSQL; then by force, descendants included) and deletes
 * its folder. A JVM shutdown hook does the same if the command is interrupted, so nothing is left running.
 */
public final class Kernel implements AutoCloseable {

    /** The operator {@code prm test} sets fixtures up and reads effects as (test support needs the role). */
    public static final String OPERATOR = "prm-test-operator";

    /**
     * What to start.
     *
     * @param modules manifest texts by folder name: the module under test and its required modules' contracts
     * @param users   dev identity users, {@code user@tenant=role|role}
     */
    public record Spec(Path engineJar, Map<String, String> modules, List<Path> hookJars, List<String> users, Duration readyWithin) {
    }

    private final Path folder;
    private final Process process;
    private final String url;
    private final Thread shutdownHook;
    private final Map<String, String> tokens = new HashMap<>();
    private boolean closed;

    private Kernel(Path folder, Process process, String url) {
        this.folder = folder;
        this.process = process;
        this.url = url;
        this.shutdownHook = new Thread(this::stop, "prm-kernel-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Kernel start(Spec spec) {
        Path folder;
        int port;
        try {
            folder = Files.createTempDirectory("prm-test-kernel");
            writeModules(folder.resolve("modules"), spec.modules());
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw CliFailure.server("cannot prepare a kernel: " + e.getMessage());
        }
        List<String> users = new ArrayList<>(spec.users());
        users.add(OPERATOR + "@prm-test=platform_operator");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx512m",
                "-Dquarkus.profile=local", "-Dprm.test-support.enabled=true", "-Dprm.modules.watch=false",
                "-Dquarkus.log.level=WARN", "-Dquarkus.log.category.\"io.prmos\".level=INFO",
                "-Dprm.dev-identity.users=" + String.join(", ", users)));
        if (!spec.hookJars().isEmpty()) {
            command.add("-Dprm.hooks.jars=" + String.join(",", spec.hookJars().stream().map(p -> p.toAbsolutePath().toString()).toList()));
        }
        command.addAll(List.of("-jar", spec.engineJar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("engine.log").toFile());
        builder.environment().put("PRM_PORT", Integer.toString(port));
        builder.environment().put("PRM_HOST", "127.0.0.1");
        builder.environment().put("PRM_DATA_DIR", folder.resolve("data").toString());
        builder.environment().put("PRM_DEV_IDENTITY_KEY", folder.resolve("dev-identity-key").toString());
        builder.environment().put("PRM_MODULES_DIR", folder.resolve("modules").toString());
        builder.environment().remove("PRM_DB_URL");
        Kernel kernel;
        try {
            kernel = new Kernel(folder, builder.start(), "http://127.0.0.1:" + port);
        } catch (IOException e) {
            deleteTree(folder);
            throw CliFailure.server("cannot start the engine " + spec.engineJar() + ": " + e.getMessage());
        }
        try {
            kernel.awaitReady(spec.readyWithin());
        } catch (RuntimeException e) {
            kernel.close();
            throw e;
        }
        return kernel;
    }

    public String url() {
        return url;
    }

    /** A bearer token of a configured user from the kernel's embedded identity provider (cached). */
    public String token(String user) {
        return tokens.computeIfAbsent(user, u -> new TokenClient(new Http()).devIdentity(url, u).accessToken());
    }

    private void awaitReady(Duration limit) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw CliFailure.server("the kernel exited with " + process.exitValue() + " while starting: " + logTail());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CliFailure.server("interrupted while the kernel was starting");
            }
            sleep(300);
        }
        throw CliFailure.server("the kernel was not ready within " + limit.toSeconds() + " s: " + logTail());
    }

    /** The last lines of the engine's log, for a failure message. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(folder.resolve("engine.log"), StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException e) {
            return "(no engine log)";
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        stopOrphanedPostgres();
        deleteTree(folder);
    }

    /**
     * The embedded PostgreSQL daemonises, so it is no descendant of the engine: a clean engine stop
     * shuts it down and removes its pid file; a pid file still there after a forced stop names a
     * server of this kernel's own data folder, which is stopped too.
     */
    private void stopOrphanedPostgres() {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path pidFile : files.filter(p -> p.getFileName().toString().equals("postmaster.pid")).toList()) {
                String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
                if (first.matches("\\d+")) {
                    ProcessHandle.of(Long.parseLong(first))
                            .filter(h -> h.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                            .ifPresent(h -> {
                                h.destroy();
                                h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> h).join();
                            });
                }
            }
        } catch (IOException | RuntimeException e) {
            // nothing more can be done; the folder is deleted next
        }
    }

    private static void writeModules(Path root, Map<String, String> modules) throws IOException {
        for (Map.Entry<String, String> module : modules.entrySet()) {
            Path dir = Files.createDirectories(root.resolve(module.getKey()));
            Files.writeString(dir.resolve("module.yaml"), module.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
