package io.prmos.engine.registry;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged engine run as a separate process (local profile), for tests that need more than one instance. */
public final class EngineProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    final int port;

    private EngineProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static EngineProcess start(Path work, String name, Map<String, String> env) throws IOException {
        return start(work, name, env, List.of());
    }

    /** As {@link #start(Path, String, Map)} with further JVM options, which may override the profile ({@code -Dquarkus.profile=…}). */
    public static EngineProcess start(Path work, String name, Map<String, String> env, List<String> options) throws IOException {
        int port = freePort();
        Path log = work.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=local"));
        command.addAll(options);
        command.addAll(List.of("-jar", System.getProperty("prm.engine.jar")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PRM_PORT", Integer.toString(port));
        builder.environment().put("PRM_MODULES_DIR", System.getProperty("prm.modules.dir"));
        builder.environment().put("PRM_DEV_IDENTITY_KEY", work.resolve("dev-identity-key").toString());
        builder.environment().put("PRM_DATA_DIR", work.resolve(name + "-data").toString());
        builder.environment().putAll(env);
        EngineProcess engine = new EngineProcess(builder.start(), log, port);
        engine.awaitReady(Duration.ofSeconds(180));
        return engine;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** The port of the embedded PostgreSQL this instance started (from its log). */
    public int embeddedPostgresPort() throws IOException {
        Matcher m = Pattern.compile("Embedded PostgreSQL started on port (\\d+)").matcher(Files.readString(log));
        if (!m.find()) {
            throw new IllegalStateException("no embedded PostgreSQL in " + log);
        }
        return Integer.parseInt(m.group(1));
    }

    private void awaitReady(Duration timeout) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("engine exited during start; log:\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("engine not ready within " + timeout + "; log:\n" + Files.readString(log));
    }

    /** Everything the engine printed so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** kill -9: no shutdown hook runs, nothing is flushed or closed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
