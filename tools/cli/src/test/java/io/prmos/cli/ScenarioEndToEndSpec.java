package io.prmos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.cli.http.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

/**
 * {@code prm test} for real: each run starts the packaged engine ({@code engine/target/quarkus-app})
 * with one module and its requirements' contracts, runs the scenarios and stops it. Every sample
 * module's scenarios pass; a fixture module whose scenarios fail each kind of expectation fails with
 * the file, line and reason of each; nothing is left running afterwards.
 */
class ScenarioEndToEndSpec {

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

    private CliRun.Result prm(String... args) {
        return new CliRun(temp.resolve("config")).run(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"organizations", "people", "partners", "deals"})
    void everySampleModulesScenariosPass(String module) throws Exception {
        Path junit = temp.resolve("junit.xml");
        CliRun.Result test = prm("test", ROOT.resolve("modules").resolve(module).toString(), "--engine", ENGINE_JAR.toString(),
                "--junit", junit.toString());
        assertEquals(0, test.exitCode(), test.toString());
        assertTrue(test.out().contains("prm test " + module + " 1.0.0"), test.toString());
        assertTrue(test.out().matches("(?s).*\\n[1-9] passed, 0 failed; JUnit XML in .*"), test.toString());
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile()).getDocumentElement();
        assertEquals("0", suite.getAttribute("failures"));
        assertTrue(Integer.parseInt(suite.getAttribute("tests")) >= 1);
        assertNothingLeftRunning();
    }

    @Test
    void eachKindOfFailedExpectationIsReportedWithItsFileAndLine() throws IOException {
        Path module = Files.createDirectories(temp.resolve("repo/stock"));
        Files.writeString(module.resolve("module.yaml"), """
                apiVersion: prm/v1
                module: stock
                version: 1.0.0
                entities:
                  Item:
                    label: Item
                    fields:
                      name: { type: text, label: Name, required: true, maxLength: 50, filterable: true }
                      count: { type: integer, label: Count, min: 0, default: 0 }
                events:
                  publishes:
                    Counted:
                      description: Stock was counted.
                      schema: { type: object, required: [item], properties: { item: { type: string } } }
                roles:
                  clerk: { label: Clerk }
                permissions:
                  clerk:
                    Item: { read: all, create: true, update: all }
                """);
        Files.createDirectories(module.resolve("tests"));
        String given = "users:\n  ann: [clerk]\nsteps:\n";
        Files.writeString(module.resolve("tests/a-status.yaml"), "scenario: status\n" + given
                + "  - as: ann\n    post: /stock/item\n    body: { count: 1 }\n    expect: { status: 201 }\n");
        Files.writeString(module.resolve("tests/b-body.yaml"), "scenario: body\n" + given
                + "  - as: ann\n    post: /stock/item\n    body: { name: Bolt }\n    expect: { body: { count: 5 } }\n");
        Files.writeString(module.resolve("tests/c-problem.yaml"), "scenario: problem\n" + given
                + "  - as: ann\n    post: /stock/item\n    body: { name: Bolt, count: -1 }\n    expect: { status: 422, problem: { pointers: [/name] } }\n");
        Files.writeString(module.resolve("tests/d-records.yaml"), "scenario: records\n" + given
                + "  - as: ann\n    post: /stock/item\n    body: { name: Nut }\n"
                + "  - expect:\n      records:\n        - { entity: stock.Item, count: 2 }\n");
        Files.writeString(module.resolve("tests/e-events.yaml"), "scenario: events\n" + given
                + "  - as: ann\n    post: /stock/item\n    body: { name: Nut }\n"
                + "    expect:\n      events:\n        - { type: stock.Counted }\n");
        Files.writeString(module.resolve("tests/f-injected.yaml"), "scenario: injected event\n" + given
                + "  - event: stock.Counted\n    payload: { item: 7 }\n");
        Files.writeString(module.resolve("tests/g-passes.yaml"), "scenario: passes\n" + given
                + "  - as: ann\n    post: /stock/item\n    body: { name: Nut }\n    save: nut\n    expect: { status: 201 }\n"
                + "  - event: stock.Counted\n    payload: { item: \"${nut.id}\" }\n    expect:\n      events:\n"
                + "        - { type: stock.Counted, match: { item: \"${nut.id}\" } }\n        - { type: stock.ItemUpdated, absent: true }\n");

        CliRun.Result test = prm("test", module.toString(), "--engine", ENGINE_JAR.toString(), "--output", "json");
        assertEquals(1, test.exitCode(), test.toString());
        List<String> errors = test.errLines();
        assertEquals(6, errors.size(), test.toString());
        assertTrue(errors.get(0).matches("tests/a-status\\.yaml:5: step 'POST /stock/item': expected status 201, got 422 .*/name.*"),
                errors.get(0));
        assertEquals("tests/b-body.yaml:5: step 'POST /stock/item': response body at /count: expected 5, got 0", errors.get(1));
        assertTrue(errors.get(2).startsWith("tests/c-problem.yaml:5: step 'POST /stock/item': expected a problem at /name, got errors [{\"pointer\":\"/count\""),
                errors.get(2));
        assertEquals("tests/d-records.yaml:10: step 'check': expected 2 record(s) of stock.Item, found 1", errors.get(3));
        assertTrue(errors.get(4).startsWith("tests/e-events.yaml:10: step 'POST /stock/item': expected event stock.Counted within 15 s;"
                + " emitted none of that type"), errors.get(4));
        assertTrue(errors.get(5).startsWith("tests/f-injected.yaml:5: step 'event stock.Counted': expected status 2xx, got 422"), errors.get(5));

        JsonNode report = Http.JSON.readTree(test.out());
        assertEquals(false, report.path("passed").asBoolean());
        assertEquals(7, report.path("scenarios").size());
        JsonNode passes = report.path("scenarios").get(6);
        assertEquals(true, passes.path("passed").asBoolean(), passes.toString());
        assertEquals("[\"stock.ItemCreated\",\"stock.Counted\"]", passes.path("emittedEvents").toString());
        assertNothingLeftRunning();
    }

    @Test
    void aModuleWithoutScenariosOrWithABrokenOneStopsBeforeAnyKernel() throws IOException {
        Path module = Files.createDirectories(temp.resolve("repo/empty"));
        Files.writeString(module.resolve("module.yaml"), "apiVersion: prm/v1\nmodule: empty\nversion: 1.0.0\n");
        CliRun.Result none = prm("test", module.toString(), "--engine", ENGINE_JAR.toString());
        assertEquals(1, none.exitCode(), none.toString());
        assertTrue(none.err().contains("no scenarios in tests/"), none.toString());

        Files.createDirectories(module.resolve("tests"));
        Files.writeString(module.resolve("tests/x.yaml"), "scenario: x\nsteps:\n  - gett: /a\n");
        CliRun.Result broken = prm("test", module.toString(), "--engine", ENGINE_JAR.toString());
        assertEquals(1, broken.exitCode(), broken.toString());
        assertTrue(broken.err().startsWith("tests/x.yaml:3: unknown key 'gett'"), broken.toString());
    }

    /** No child process of this JVM and no PostgreSQL of a prm test kernel survives the command. */
    private static void assertNothingLeftRunning() {
        assertEquals(List.of(), ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("?")).toList());
        assertEquals(List.of(), ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("")).filter(c -> c.contains("prm-test-kernel")).toList());
    }
}
