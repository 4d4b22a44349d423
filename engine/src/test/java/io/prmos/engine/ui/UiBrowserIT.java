package io.prmos.engine.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import io.prmos.engine.agents.ScriptedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web runtime tested from the Maven build: its Vitest unit tests, then the Playwright browser
 * scenario (ui-runtime/e2e/run.mjs, Debian chromium) against the packaged engine — with the UI that
 * Quinoa built into it — on a free port, a fresh embedded database and the sample modules; the agents
 * scenario (ui-runtime/e2e/agents.mjs) against a {@link ScriptedModel} the engine's default model profile
 * points at; the module UI extensions' scenario (ui-runtime/e2e/extensions.mjs: the deals pipeline board,
 * the partner health widget, a fixture module's broken widget, a republished widget, the CSP); then the
 * metadata designer's scenario (ui-runtime/e2e/designer.mjs), last because it publishes a module.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiBrowserIT {

    private static final Path UI = Path.of(System.getProperty("prm.ui.dir", "../ui-runtime")).toAbsolutePath().normalize();
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PRM_CHROMIUM", "/usr/bin/chromium"));
    private static final Path WORK = Path.of("target", "ui-e2e").toAbsolutePath();

    private static Process engine;
    private static String baseUrl;
    private static ScriptedModel model;
    private static String modelUrl;

    @BeforeAll
    static void startEngine() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String message = "no chromium at " + CHROMIUM + " (apt-get install -y chromium)";
            if (Boolean.getBoolean("prm.ui.e2e.skip")) {
                Assumptions.abort("browser tests skipped: " + message + " and -Dprm.ui.e2e.skip=true");
            }
            fail(message + "; install it or pass -Dprm.ui.e2e.skip=true to skip the browser tests");
        }
        assertTrue(Files.isDirectory(UI.resolve("node_modules")), "ui-runtime/node_modules is missing: the engine build (Quinoa) installs it");
        Files.createDirectories(WORK);
        int port = freePort();
        baseUrl = "http://localhost:" + port;
        Path run = Files.createTempDirectory(WORK, "run-");
        model = new ScriptedModel();
        Map<String, String> modelConfig = model.start();
        String v1 = modelConfig.get("prm.agents.models.default.base-url");
        modelUrl = v1.substring(0, v1.length() - "/v1".length());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=local", "-Dprm.agents.stream.poll=PT0.25S"));
        modelConfig.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", System.getProperty("prm.engine.jar")));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(WORK.resolve("engine.log").toFile());
        builder.environment().put("PRM_PORT", Integer.toString(port));
        builder.environment().put("PRM_MODULES_DIR", System.getProperty("prm.modules.dir"));
        builder.environment().put("PRM_DATA_DIR", run.resolve("data").toString());
        builder.environment().put("PRM_DEV_IDENTITY_KEY", run.resolve("dev-identity-key").toString());
        engine = builder.start();
        awaitReady(Duration.ofSeconds(180));
    }

    @AfterAll
    static void stopEngine() throws InterruptedException {
        if (model != null) {
            model.stop();
        }
        if (engine != null) {
            engine.destroy();
            if (!engine.waitFor(60, TimeUnit.SECONDS)) {
                engine.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    @Order(1)
    void unitTestsOfTheMetadataToViewLogicPass() throws Exception {
        Run run = node(List.of("node_modules/vitest/vitest.mjs", "run"), Duration.ofMinutes(5), "vitest.log");
        assertEquals(0, run.exit(), "Vitest failed:\n" + run.output());
        assertTrue(run.output().contains("passed"), "Vitest ran no test:\n" + run.output());
    }

    @Test
    @Order(2)
    void theBrowserScenarioPasses() throws Exception {
        HttpResponse<String> index = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/o/partners/partner/00000000-0000-0000-0000-000000000000"))
                        .header("Accept", "text/html,application/xhtml+xml").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, index.statusCode(), "a deep link answers the SPA");
        assertTrue(index.body().contains("<div id=\"root\">"), "a deep link answers index.html:\n" + index.body());

        scenarioPasses("run.mjs", "e2e.log", "browser");
    }

    @Test
    @Order(3)
    void theAgentsScenarioPasses() throws Exception {
        scenarioPasses("agents.mjs", "e2e-agents.log", "agents");
    }

    @Test
    @Order(4)
    void theUiExtensionsScenarioPasses() throws Exception {
        scenarioPasses("extensions.mjs", "e2e-extensions.log", "extensions");
    }

    @Test
    @Order(5)
    void theDesignerScenarioPasses() throws Exception {
        scenarioPasses("designer.mjs", "e2e-designer.log", "designer");
    }

    /** Runs {@code e2e/<file>} against the engine: every step passed, none failed. */
    private void scenarioPasses(String file, String log, String what) throws Exception {
        Run run = node(List.of("e2e/" + file), Duration.ofMinutes(10), log);
        assertEquals(0, run.exit(), what + " scenario failed (screenshots in ui-runtime/test-results/screenshots):\n" + run.output());
        assertTrue(run.output().contains(" passed, 0 failed"), run.output());
    }

    private record Run(int exit, String output) {
    }

    private static Run node(List<String> args, Duration timeout, String logName) throws IOException, InterruptedException {
        Path log = WORK.resolve(logName);
        List<String> command = new java.util.ArrayList<>(List.of("node"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(UI.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PRM_BASE_URL", baseUrl);
        builder.environment().put("PRM_CHROMIUM", CHROMIUM.toString());
        builder.environment().put("PRM_MODEL_URL", modelUrl);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return new Run(-1, "timed out after " + timeout + "\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        System.out.println(output);
        return new Run(process.exitValue(), output);
    }

    private static void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!engine.isAlive()) {
                fail("engine exited during start:\n" + Files.readString(WORK.resolve("engine.log")));
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        fail("engine not ready within " + timeout + ":\n" + Files.readString(WORK.resolve("engine.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
