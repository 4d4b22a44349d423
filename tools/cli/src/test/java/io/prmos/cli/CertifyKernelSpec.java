package io.prmos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.cli.http.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prm certify} with a kernel: a purpose-built module whose static checks pass fails each check
 * that needs a running kernel — API conformance (a response for a path the generated OpenAPI document
 * does not declare), the scenarios (one fails) and a performance budget no request can meet (1 ms for
 * a create) — each with its precise finding, and gets no certificate. The static checks' failing
 * fixtures are in {@link CertifyTest}; the UI check cannot fail on a valid manifest yet (the schema
 * admits only design-system slot widgets), nor can the emitted half of the events check (the engine
 * refuses to emit an event its schema rejects).
 */
class CertifyKernelSpec {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path ENGINE_JAR = ROOT.resolve("engine/target/quarkus-app/quarkus-run.jar");

    @TempDir
    Path temp;

    @BeforeAll
    static void engineIsPackaged() {
        if (!Files.isRegularFile(ENGINE_JAR)) {
            fail("the packaged engine is missing: " + ENGINE_JAR + " (build the engine module first)");
        }
    }

    @Test
    void aModuleFailsTheApiTestsAndPerformanceChecksWithTheirFindings() throws IOException {
        Path module = Files.createDirectories(temp.resolve("repo/stock"));
        Files.writeString(module.resolve("module.yaml"), """
                apiVersion: prm/v1
                module: stock
                version: 1.0.0
                entities:
                  Item:
                    label: Item
                    description: A thing kept in stock.
                    fields:
                      name: { type: text, label: Name, description: What it is called., required: true, maxLength: 50 }
                      count: { type: integer, label: Count, description: How many there are., min: 0, default: 0 }
                roles:
                  clerk: { label: Clerk }
                permissions:
                  clerk:
                    Item: { read: all, create: true, update: all }
                budgets:
                  - { entity: Item, records: 5, role: clerk, p95: { create: 1ms } }
                """);
        Files.writeString(module.resolve("README.md"), "# stock\nThe entity Item, kept by the role clerk.\n");
        Files.createDirectories(module.resolve("tests"));
        String given = "users:\n  ann: [clerk]\nsteps:\n";
        Files.writeString(module.resolve("tests/a-undeclared.yaml"), "scenario: a path the API does not declare\n" + given
                + "  - as: ann\n    get: /stock/nothing\n    expect: { status: 404 }\n");
        Files.writeString(module.resolve("tests/b-fails.yaml"), "scenario: a failing expectation\n" + given
                + "  - as: ann\n    post: /stock/item\n    body: { count: 1 }\n    expect: { status: 201 }\n");

        CliRun.Result certify = new CliRun(temp.resolve("config")).run("certify", module.toString(), "--engine", ENGINE_JAR.toString(),
                "--output", "json");
        assertEquals(1, certify.exitCode(), certify.toString());
        assertEquals("prm certify: stock 1.0.0 is not certified; see the report", certify.err().strip());
        JsonNode report = Http.JSON.readTree(certify.out());
        for (String id : new String[] {"manifest", "labels", "events", "security", "documentation", "ui"}) {
            assertFalse(check(report, id).path("status").asText().equals("FAIL"), id + ": " + report);
        }

        JsonNode api = check(report, "api");
        assertEquals("FAIL", api.path("status").asText(), api.toString());
        assertEquals("2 response(s) checked against /q/openapi", api.path("summary").asText());
        assertEquals(List.of("tests/a-undeclared.yaml: GET /api/v1/stock/nothing is not in the OpenAPI document"), findings(api));

        JsonNode tests = check(report, "tests");
        assertEquals("FAIL", tests.path("status").asText(), tests.toString());
        assertEquals("1 of 2 scenario(s) passed", tests.path("summary").asText());
        assertEquals(1, findings(tests).size(), tests.toString());
        assertTrue(findings(tests).get(0).matches("tests/b-fails\\.yaml:5: step 'POST /stock/item': expected status 201, got 422 .*"),
                findings(tests).get(0));

        JsonNode performance = check(report, "performance");
        assertEquals("FAIL", performance.path("status").asText(), performance.toString());
        assertEquals(1, findings(performance).size(), performance.toString());
        assertTrue(findings(performance).get(0).matches("budgets: Item create: p95 [1-9][0-9]* ms over the budget of 1 ms with 5 records"),
                findings(performance).get(0));
        assertFalse(Files.exists(module.resolve("prm-certificate.json")));
    }

    private static JsonNode check(JsonNode report, String id) {
        for (JsonNode check : report.path("checks")) {
            if (check.path("id").asText().equals(id)) {
                return check;
            }
        }
        return fail("no check " + id + " in " + report);
    }

    /** Each finding as {@code location: message} (or the message alone when it has no location). */
    private static List<String> findings(JsonNode check) {
        List<String> out = new ArrayList<>();
        check.path("findings").forEach(f -> out.add((f.path("location").asText().isEmpty() ? "" : f.path("location").asText() + ": ")
                + f.path("message").asText()));
        return out;
    }
}
