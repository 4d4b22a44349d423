package io.prmos.engine.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The OpenAPI document as its users meet it (issue 15, docs/openapi.md): Spectral's {@code spectral:oas}
 * ruleset finds nothing in alice's document, and OpenAPI Generator's TypeScript (typescript-fetch,
 * compiled by tsc) and Python clients, generated without hand edits, create, read, list and patch
 * records against this engine, If-Match and 422 included. Tools: tools/api-contract (npm: Spectral,
 * TypeScript), the OpenAPI Generator jar the build copies from Maven Central, and python3 with
 * pydantic 2, urllib3 and python-dateutil.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedClientsSpec {

    private static final Path TOOLS = Path.of("..", "tools", "api-contract").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target", "api-contract").toAbsolutePath();
    private static final Path DOCUMENT = WORK.resolve("openapi-alice.json");
    /** The interpreter with pydantic 2 (Debian 12 packages only pydantic 1): .ci/run finds one and exports it. */
    private static final String PYTHON = System.getenv().getOrDefault("PRM_PYTHON", "python3");
    private static final Path SCRIPTS = Path.of("src", "test", "resources", "api-contract").toAbsolutePath();

    @BeforeAll
    static void tools() throws Exception {
        if (Boolean.getBoolean("prm.api.clients.skip")) {
            Assumptions.abort("generated-client checks skipped: -Dprm.api.clients.skip=true");
        }
        Files.createDirectories(WORK);
        if (!Files.isDirectory(TOOLS.resolve("node_modules/@stoplight"))) {
            Run npm = run(TOOLS, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), Duration.ofMinutes(5), "npm-ci.log");
            assertEquals(0, npm.exit(), "npm ci in tools/api-contract failed:\n" + npm.output());
        }
    }

    private static String document() throws IOException {
        String json = given().header("Authorization", Tokens.bearer("alice")).accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        Files.writeString(DOCUMENT, json);
        return json;
    }

    @Test
    @Order(1)
    void spectralFindsNothingInAlicesDocument() throws Exception {
        document();
        Run lint = run(TOOLS, List.of("node", "node_modules/@stoplight/spectral-cli/dist/index.js", "lint", "-r", ".spectral.yaml",
                "--fail-severity=hint", "-f", "json", DOCUMENT.toString()), Map.of(), Duration.ofMinutes(3), "spectral.log");
        String out = lint.output().trim();
        assertTrue(out.startsWith("[]") || out.contains("No results with a severity of 'hint' or higher found"),
                "Spectral (spectral:oas) reported problems:\n" + out);
        assertEquals(0, lint.exit(), out);
    }

    @Test
    @Order(2)
    void theTypeScriptClientWorks() throws Exception {
        document();
        Path out = WORK.resolve("typescript");
        generate("typescript-fetch", out, "supportsES6=true,npmName=prm-client");
        Run tsc = run(out, List.of("node", TOOLS.resolve("node_modules/typescript/bin/tsc").toString(), "-p", "tsconfig.json"),
                Map.of(), Duration.ofMinutes(3), "tsc.log");
        assertEquals(0, tsc.exit(), "the generated TypeScript client does not compile:\n" + tsc.output());
        Run client = run(out, List.of("node", SCRIPTS.resolve("client-run.mjs").toString(), out.resolve("dist").toString()),
                engine(), Duration.ofMinutes(2), "typescript-client.log");
        assertEquals(0, client.exit(), "the TypeScript client failed against the engine:\n" + client.output());
        assertTrue(client.output().contains(" passed, 0 failed"), client.output());
    }

    @Test
    @Order(3)
    void thePythonClientWorks() throws Exception {
        Run python = run(WORK, List.of(PYTHON, "-c", "import pydantic, urllib3, dateutil; assert pydantic.VERSION >= '2'"),
                Map.of(), Duration.ofMinutes(1), "python-check.log");
        assertEquals(0, python.exit(), "a python3 with pydantic 2, urllib3 and python-dateutil is needed (PRM_PYTHON, else python3 on the PATH):\n" + python.output());
        document();
        Path out = WORK.resolve("python");
        generate("python", out, "packageName=prm_client");
        Run client = run(out, List.of(PYTHON, SCRIPTS.resolve("client_run.py").toString(), out.toString()),
                engine(), Duration.ofMinutes(2), "python-client.log");
        assertEquals(0, client.exit(), "the Python client failed against the engine:\n" + client.output());
        assertTrue(client.output().contains(" passed, 0 failed"), client.output());
    }

    private static Map<String, String> engine() {
        return Map.of("PRM_BASE_URL", "http://localhost:" + RestAssured.port,
                "PRM_TOKEN", Tokens.bearer("alice").substring("Bearer ".length()));
    }

    private static void generate(String generator, Path out, String properties) throws Exception {
        Path jar = Path.of(System.getProperty("prm.openapi.generator.jar", "target/openapi-generator/openapi-generator-cli.jar"));
        if (!Files.isRegularFile(jar)) {
            fail("no OpenAPI Generator at " + jar + ": the build copies it (maven-dependency-plugin, generate-test-resources)");
        }
        deleteTree(out);
        Run gen = run(WORK, List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "generate", "-i", DOCUMENT.toString(), "-g", generator, "-o", out.toString(), "--additional-properties=" + properties),
                Map.of(), Duration.ofMinutes(3), generator + "-generate.log");
        assertEquals(0, gen.exit(), "OpenAPI Generator (" + generator + ") refused the document:\n" + gen.output());
    }

    private record Run(int exit, String output) {
    }

    private static Run run(Path dir, List<String> command, Map<String, String> env, Duration timeout, String logName)
            throws IOException, InterruptedException {
        Path log = WORK.resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return new Run(-1, "timed out after " + timeout + "\n" + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
