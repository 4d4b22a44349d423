package io.prmos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The CLI against a real engine: the packaged engine ({@code engine/target/quarkus-app}) runs as a
 * separate process in the local profile (embedded database and identity provider, everything in a
 * temporary folder), and {@code prm} runs in-process. The steps build on each other, in order:
 * login, init, validate, diff, publish, status, pull, a breaking change refused without a
 * terminal, history.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliEndToEndSpec {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path ENGINE_JAR = ROOT.resolve("engine/target/quarkus-app/quarkus-run.jar");

    private static Path temp;
    private static Process engine;
    private static Path engineLog;
    private static String server;

    @BeforeAll
    static void startEngine() throws Exception {
        if (!Files.isRegularFile(ENGINE_JAR)) {
            fail("the packaged engine is missing: " + ENGINE_JAR + " (build the engine module first)");
        }
        temp = Files.createTempDirectory("prm-cli-e2e");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = "http://localhost:" + port;
        engineLog = temp.resolve("engine.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=local", "-jar", ENGINE_JAR.toString())
                .directory(temp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(engineLog.toFile());
        builder.environment().put("PRM_PORT", Integer.toString(port));
        builder.environment().put("PRM_DATA_DIR", temp.resolve("data").toString());
        builder.environment().put("PRM_DEV_IDENTITY_KEY", temp.resolve("dev-identity-key").toString());
        builder.environment().put("PRM_MODULES_DIR", ROOT.resolve("modules").toString());
        engine = builder.start();
        awaitReady(Duration.ofSeconds(120));
    }

    private static void awaitReady(Duration limit) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!engine.isAlive()) {
                fail("the engine exited with " + engine.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(server + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        fail("the engine was not ready within " + limit.toSeconds() + " s:\n" + logTail());
    }

    private static String logTail() {
        try {
            List<String> lines = Files.readAllLines(engineLog);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no engine log: " + e.getMessage() + ")";
        }
    }

    @AfterAll
    static void stopEngine() throws InterruptedException {
        if (engine == null) {
            return;
        }
        List<ProcessHandle> children = engine.descendants().toList();
        engine.destroy();
        if (!engine.waitFor(30, TimeUnit.SECONDS)) {
            engine.destroyForcibly();
            engine.waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        deleteTree(temp);
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    private static CliRun.Result prm(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--server";
        all[args.length + 1] = server;
        return new CliRun(temp.resolve("config")).run(all);
    }

    private static CliRun.Result offline(String... args) {
        return new CliRun(temp.resolve("config")).run(args);
    }

    private static Path modules() {
        return temp.resolve("modules");
    }

    private static Path manifest() {
        return modules().resolve("gadgets/module.yaml");
    }

    @Test
    @Order(1)
    void loginWithTheEmbeddedIdentityProvider() {
        CliRun.Result login = prm("login", "--dev-user", "alice");
        assertEquals(0, login.exitCode(), login.toString());
        assertTrue(login.out().contains("signed in to " + server), login.toString());
        assertTrue(Files.isDirectory(temp.resolve("config/prm")), "credentials go under XDG_CONFIG_HOME");
    }

    @Test
    @Order(2)
    void initAndValidateANewModule() {
        CliRun.Result init = offline("init", "gadgets", "--dir", modules().toString());
        assertEquals(0, init.exitCode(), init.toString());
        assertTrue(Files.isRegularFile(manifest()), init.toString());

        CliRun.Result validate = offline("validate", modules().resolve("gadgets").toString());
        assertEquals(0, validate.exitCode(), validate.toString());
        assertTrue(validate.out().contains("gadgets"), validate.toString());
    }

    @Test
    @Order(3)
    void diffShowsTheFirstInstallAsAdditive() {
        CliRun.Result diff = prm("diff", modules().toString());
        assertEquals(0, diff.exitCode(), diff.toString());
        assertTrue(diff.out().contains("gadgets"), diff.toString());
        assertTrue(diff.out().contains("[additive]"), diff.toString());
        assertTrue(diff.out().contains("CREATE TABLE"), diff.toString());
        CliRun.Result status = prm("status");
        assertTrue(!status.out().contains("gadgets"), "a diff publishes nothing:\n" + status);
    }

    @Test
    @Order(4)
    void publishAndStatus() {
        CliRun.Result publish = prm("publish", "--yes", modules().toString());
        assertEquals(0, publish.exitCode(), publish.toString());

        CliRun.Result status = prm("status");
        assertEquals(0, status.exitCode(), status.toString());
        String line = status.out().lines().filter(l -> l.contains("gadgets")).findFirst().orElse("");
        assertTrue(line.contains("0.1.0"), status.toString());
        assertTrue(status.out().contains("partners"), "the sample modules are installed too:\n" + status);
    }

    @Test
    @Order(5)
    void pullWritesTheExactPublishedText() throws IOException {
        Path pulled = temp.resolve("pulled");
        CliRun.Result pull = prm("pull", "gadgets", "--dir", pulled.toString());
        assertEquals(0, pull.exitCode(), pull.toString());
        assertArrayEquals(Files.readAllBytes(manifest()), Files.readAllBytes(pulled.resolve("gadgets/module.yaml")));
    }

    @Test
    @Order(6)
    void aBreakingChangeWithoutYesAndWithoutATerminalIsRefused() throws IOException {
        String published = Files.readString(manifest(), StandardCharsets.UTF_8);
        String breaking = published.replace("version: 0.1.0", "version: 1.0.0")
                .replaceAll("(?m)^\\s*notes: \\{.*\\n", "")
                .replace(", due_on, notes]", ", due_on]")
                + "\nmigrations:\n  - drop: { entity: " + entityName(published) + ", field: notes, allowDataLoss: true }\n";
        Files.writeString(manifest(), breaking, StandardCharsets.UTF_8);

        CliRun.Result publish = prm("publish", modules().toString());
        assertEquals(1, publish.exitCode(), publish.toString());
        assertTrue(publish.err().contains("--yes"), publish.toString());
        assertTrue(publish.out().contains("FIELD_REMOVED"), "the plan is shown before refusing:\n" + publish);

        CliRun.Result status = prm("status");
        String line = status.out().lines().filter(l -> l.contains("gadgets")).findFirst().orElse("");
        assertTrue(line.contains("0.1.0") && !line.contains("1.0.0"), "nothing was applied:\n" + status);
    }

    @Test
    @Order(7)
    void historyListsThePublishedVersion() {
        CliRun.Result history = prm("history", "gadgets");
        assertEquals(0, history.exitCode(), history.toString());
        String line = history.out().lines().filter(l -> l.contains("0.1.0")).findFirst().orElse("");
        assertTrue(line.contains("active"), history.toString());
        assertTrue(!history.out().contains("1.0.0"), history.toString());
    }

    @Test
    @Order(8)
    void aModuleInItsOwnFolderPullsItsContractsValidatesTestsAndPublishesAlone() throws IOException {
        Path partners = Files.createDirectories(temp.resolve("own-repo/partners"));
        Files.copy(ROOT.resolve("modules/partners/module.yaml"), partners.resolve("module.yaml"));
        copyTree(ROOT.resolve("modules/partners/tests"), partners.resolve("tests"));

        CliRun.Result alone = offline("validate", partners.toString());
        assertEquals(1, alone.exitCode(), "no siblings, no lock, no server:\n" + alone);

        CliRun.Result withServer = prm("validate", partners.toString());
        assertEquals(0, withServer.exitCode(), withServer.toString());

        CliRun.Result pull = prm("deps", "pull", partners.toString());
        assertEquals(0, pull.exitCode(), pull.toString());
        assertTrue(pull.out().contains("locked organizations 1.0.0"), pull.toString());
        CliRun.Result check = prm("deps", "check", partners.toString());
        assertEquals(0, check.exitCode(), check.toString());

        CliRun.Result offlineWithLock = offline("validate", partners.toString());
        assertEquals(0, offlineWithLock.exitCode(), offlineWithLock.toString());
        assertTrue(offlineWithLock.out().contains("contract from prm-lock.yaml"), offlineWithLock.toString());

        CliRun.Result test = offline("test", partners.toString(), "--engine", ENGINE_JAR.toString());
        assertEquals(0, test.exitCode(), test.toString());
        assertTrue(test.out().contains("starting a kernel with organizations, partners (1 as contracts)"), test.toString());

        CliRun.Result publish = prm("publish", partners.toString(), "--dry-run");
        assertEquals(0, publish.exitCode(), publish.toString());
    }

    @Test
    @Order(9)
    void aCertificateTravelsWithThePublishAndTheEngineVerifiesIt() throws IOException {
        Path partners = temp.resolve("own-repo/partners");
        Path manifest = partners.resolve("module.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("version: 1.0.0", "version: 1.0.1"));
        Files.writeString(partners.resolve("README.md"), Files.readString(ROOT.resolve("modules/partners/README.md")));
        CliRun.Result certify = offline("certify", partners.toString(), "--static");
        assertEquals(0, certify.exitCode(), certify.toString());
        Path certificate = partners.resolve("prm-certificate.json");
        assertTrue(Files.isRegularFile(certificate), certify.toString());

        CliRun.Result certified = prm("publish", partners.toString(), "--dry-run");
        assertEquals(0, certified.exitCode(), certified.toString());

        Files.writeString(certificate, Files.readString(certificate).replace("\"SKIP\"", "\"PASS\""));
        CliRun.Result forged = prm("publish", partners.toString(), "--dry-run");
        assertEquals(1, forged.exitCode(), forged.toString());
        assertTrue(forged.err().contains("digest does not match its content"), forged.toString());

        CliRun.Result without = prm("publish", partners.toString(), "--dry-run", "--no-certificate");
        assertEquals(0, without.exitCode(), without.toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static String entityName(String manifest) {
        return manifest.lines().dropWhile(l -> !l.startsWith("entities:")).skip(1).findFirst().orElseThrow().strip().replace(":", "");
    }
}
