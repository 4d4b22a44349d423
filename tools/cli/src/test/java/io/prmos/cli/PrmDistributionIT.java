package io.prmos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.prmos.metadata.contract.Checksums;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prm distribution as a module team uses it, without this repository: {@code prm-<version>-dist.zip}
 * (built by {@code package}) unpacked with {@code unzip} into a temporary folder, an engine distribution
 * beside it in {@code prm/engine/quarkus-app}, and the partners module alone in a folder of its own.
 * The launcher pulls the contract of organizations from a registry, validates offline with the lock,
 * runs the module's scenarios on a kernel it finds in the distribution, and reports an invalid manifest
 * with exit code 1. Every run has a working directory outside the repository and no PRM_ENGINE_JAR.
 */
class PrmDistributionIT {

    private static final Path SAMPLES = Path.of("../../modules").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    private Path prm;
    private Path partners;

    @BeforeEach
    void unpack() throws Exception {
        Path zip = Path.of(System.getProperty("prm.dist.zip", "target/prm-dist.zip"));
        Path engine = Path.of(System.getProperty("prm.engine.app", "../../engine/target/quarkus-app")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(zip) || !Files.isRegularFile(engine.resolve("quarkus-run.jar"))) {
            fail("the distribution (" + zip + ") or the packaged engine (" + engine + ") is missing: run `package` of engine and tools/cli");
        }
        Path tools = Files.createDirectories(temp.resolve("tools"));
        Process unzip = new ProcessBuilder("unzip", "-q", zip.toAbsolutePath().toString(), "-d", tools.toString()).inheritIO().start();
        assertEquals(0, unzip.waitFor(), "unzip " + zip);
        prm = tools.resolve("prm/bin/prm");
        Files.createSymbolicLink(Files.createDirectories(tools.resolve("prm/engine")).resolve("quarkus-app"), engine);

        partners = Files.createDirectories(temp.resolve("repo/partners/tests"));
        partners = partners.getParent();
        Files.copy(SAMPLES.resolve("partners/module.yaml"), partners.resolve("module.yaml"));
        Files.copy(SAMPLES.resolve("partners/README.md"), partners.resolve("README.md"));
        try (Stream<Path> scenarios = Files.list(SAMPLES.resolve("partners/tests"))) {
            for (Path scenario : scenarios.toList()) {
                Files.copy(scenario, partners.resolve("tests").resolve(scenario.getFileName()));
            }
        }
    }

    @Test
    void aModuleTeamPullsValidatesAndTestsWithTheDistributionAlone() throws Exception {
        assertTrue(Files.isExecutable(prm), "bin/prm keeps its executable bit in the zip");
        assertTrue(Files.isRegularFile(prm.getParent().resolveSibling("prm-cli.jar")));
        Result version = run(partners, "--version");
        assertEquals(0, version.exitCode(), version.toString());
        assertEquals("prm 0.1.0", version.out().strip());

        String organizations = Files.readString(SAMPLES.resolve("organizations/module.yaml"), StandardCharsets.UTF_8);
        try (FakeEngine registry = new FakeEngine()) {
            registry.json("GET /api/admin/modules", 200, "{\"items\":[{\"module\":\"organizations\",\"version\":\"1.0.0\",\"status\":\"active\","
                    + "\"installedAt\":\"2026-05-01T10:00:00Z\",\"installedBy\":\"alice\",\"checksum\":\"" + Checksums.sha256(organizations) + "\"}]}");
            registry.on("GET /api/admin/modules/organizations/manifest?version=1.0.0", 200, "application/yaml; charset=utf-8", organizations);
            Result pull = run(partners, "deps", "pull", ".", "--server", registry.url());
            assertEquals(0, pull.exitCode(), pull.toString());
            assertTrue(pull.out().contains("locked organizations 1.0.0"), pull.toString());
        }

        Result validate = run(partners, "validate", ".");
        assertEquals(0, validate.exitCode(), validate.toString());
        assertTrue(validate.out().contains("requires organizations 1.0.0 (contract from prm-lock.yaml)"), validate.toString());
        assertTrue(validate.out().contains("OK: 1 module(s) valid: partners 1.0.0"), validate.toString());

        Result test = run(partners, "test", ".", "--junit", "prm-test.xml");
        assertEquals(0, test.exitCode(), test.toString());
        assertTrue(test.out().contains("starting a kernel with organizations, partners (1 as contracts)"), test.toString());
        assertTrue(test.out().matches("(?s).*\\n[1-9][0-9]* passed, 0 failed; JUnit XML in prm-test\\.xml.*"), test.toString());
        assertTrue(Files.isRegularFile(partners.resolve("prm-test.xml")));
    }

    @Test
    void anInvalidManifestIsReportedWithItsLineAndExitCodeOne() throws Exception {
        Files.writeString(partners.resolve("module.yaml"), "apiVersion: prm/v1\nmodule: partners\nversion: one\n");
        Result validate = run(partners, "validate", ".");
        assertEquals(1, validate.exitCode(), validate.toString());
        assertEquals("partners/module.yaml:3:10 /version: expected a semantic version like 1.2.3, got string \"one\"",
                validate.err().strip(), validate.toString());
        assertFalse(validate.err().contains("Exception"), validate.toString());
    }

    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs bin/prm in {@code dir} with a config home of its own, the test's Java and no engine variable. */
    private Result run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(prm.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.remove("PRM_ENGINE_JAR");
        env.remove("PRM_SERVER");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("HOME", temp.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", temp.resolve("home/.config").toString());
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            fail("prm " + String.join(" ", args) + " did not finish in 6 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
