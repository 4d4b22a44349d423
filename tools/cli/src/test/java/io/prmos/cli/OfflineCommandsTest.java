package io.prmos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineCommandsTest {

    @TempDir
    Path temp;

    private CliRun cli() {
        return new CliRun(temp.resolve("config"));
    }

    private Path write(String relative, String text) throws IOException {
        Path file = temp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void initScaffoldsAModuleThatValidates() {
        CliRun.Result init = cli().run("init", "inventory", "--dir", temp.toString());
        assertEquals(0, init.exitCode(), init.toString());
        Path folder = temp.resolve("inventory");
        assertTrue(Files.isRegularFile(folder.resolve("module.yaml")));
        assertTrue(Files.isRegularFile(folder.resolve("README.md")));
        assertTrue(Files.isRegularFile(folder.resolve("fixtures/sample.json")));

        CliRun.Result validate = cli().run("validate", folder.toString());
        assertEquals(0, validate.exitCode(), validate.toString());
        assertEquals("OK: 1 module(s) valid: inventory 0.1.0\n", validate.out());
        assertEquals("", validate.err());
    }

    @Test
    void initRendersTheEntityIntoManifestAndFixtures() throws IOException {
        assertEquals(0, cli().run("init", "sales_orders", "--dir", temp.toString()).exitCode());
        String manifest = Files.readString(temp.resolve("sales_orders/module.yaml"));
        assertTrue(manifest.contains("module: sales_orders\n"), manifest);
        assertTrue(manifest.contains("  SalesOrder:\n"), manifest);
        assertTrue(manifest.contains("display: \"$name\""), manifest);
        String fixtures = Files.readString(temp.resolve("sales_orders/fixtures/sample.json"));
        assertTrue(fixtures.contains("\"SalesOrder\": ["), fixtures);
        assertTrue(Files.readString(temp.resolve("sales_orders/README.md")).startsWith("# Sales orders\n"));
    }

    @Test
    void initAvoidsEntitiesWhoseTableIsAReservedWord() {
        assertEquals(0, cli().run("init", "users", "--dir", temp.toString()).exitCode());
        CliRun.Result validate = cli().run("validate", temp.resolve("users").toString());
        assertEquals(0, validate.exitCode(), validate.toString());
    }

    @Test
    void initRefusesAnInvalidNameAndAnExistingFolder() throws IOException {
        CliRun.Result invalid = cli().run("init", "Bad-Name", "--dir", temp.toString());
        assertEquals(1, invalid.exitCode());
        assertEquals(1, invalid.errLines().size(), invalid.toString());
        assertTrue(invalid.err().startsWith("invalid module name 'Bad-Name'"), invalid.err());
        assertFalse(Files.exists(temp.resolve("Bad-Name")));

        CliRun.Result reserved = cli().run("init", "select", "--dir", temp.toString());
        assertEquals(1, reserved.exitCode());
        assertTrue(reserved.err().contains("reserved SQL word"), reserved.err());

        Files.createDirectories(temp.resolve("taken"));
        CliRun.Result existing = cli().run("init", "taken", "--dir", temp.toString());
        assertEquals(1, existing.exitCode());
        assertTrue(existing.err().contains("already exists"), existing.err());
        assertTrue(Files.notExists(temp.resolve("taken/module.yaml")));
    }

    @Test
    void validateReportsFileLineAndColumnForABrokenManifest() throws IOException {
        write("broken/module.yaml", """
                apiVersion: prm/v1
                module: broken
                version: 1.0.0
                entities:
                  Thing:
                    fields:
                      name: { type: txt }
                """);
        CliRun.Result result = cli().run("validate", temp.resolve("broken").toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("", result.out());
        assertFalse(result.errLines().isEmpty());
        for (String line : result.errLines()) {
            assertTrue(line.matches("broken/module\\.yaml:\\d+:\\d+ /\\S*: .+"), line);
        }
        assertTrue(result.errLines().stream().anyMatch(l -> l.startsWith("broken/module.yaml:7:")
                && l.contains("/entities/Thing/fields/name")), result.toString());
    }

    @Test
    void validateResolvesRequiresAcrossAllGivenDirectories() throws IOException {
        write("base/module.yaml", "apiVersion: prm/v1\nmodule: base\nversion: 1.2.0\n"
                + "entities:\n  Account:\n    fields:\n      name: { type: text }\n");
        write("extra/module.yaml", "apiVersion: prm/v1\nmodule: extra\nversion: 1.0.0\nrequires:\n  base: \"^1.0\"\n"
                + "entities:\n  Note:\n    fields:\n      account: { type: reference, to: base.Account }\n");

        CliRun.Result alone = cli().run("validate", temp.resolve("extra").toString());
        assertEquals(1, alone.exitCode());
        assertEquals("extra/module.yaml:5:3 /requires/base: required module 'base' is not in the module set", alone.errLines().get(0));
        assertTrue(alone.errLines().get(1).startsWith("hint: a module in its own folder gets the modules it requires from its prm-lock.yaml"),
                alone.toString());

        CliRun.Result both = cli().run("validate", temp.resolve("extra").toString(), temp.resolve("base").toString());
        assertEquals(0, both.exitCode(), both.toString());

        CliRun.Result root = cli().run("validate", temp.toString());
        assertEquals("OK: 2 module(s) valid: base 1.2.0, extra 1.0.0\n", root.out());
    }

    @Test
    void validateWithJsonOutputPrintsOneDocument() throws IOException {
        cli().run("init", "crm", "--dir", temp.toString());
        CliRun.Result result = cli().run("validate", "--output", "json", temp.resolve("crm").toString());
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("{"), result.out());
        assertTrue(result.out().contains("\"ok\" : true"), result.out());
        assertTrue(result.out().contains("\"module\" : \"crm\""), result.out());
    }

    @Test
    void validateWithoutAnyManifestIsAUserError() {
        CliRun.Result result = cli().run("validate", temp.toString());
        assertEquals(1, result.exitCode());
        assertEquals(1, result.errLines().size());
        assertTrue(result.err().contains("no module manifest"), result.err());
    }

    @Test
    void argumentErrorsExitOneWithOneLine() {
        for (String[] args : List.of(new String[] {"frobnicate"}, new String[] {"init"},
                new String[] {"status", "--output", "xml"}, new String[] {"validate", "--nope"},
                new String[] {"pull"}, new String[] {})) {
            CliRun.Result result = cli().run(args);
            assertEquals(1, result.exitCode(), String.join(" ", args) + ": " + result);
            assertEquals(1, result.errLines().size(), String.join(" ", args) + ": " + result);
        }
        CliRun.Result badUrl = cli().run("status", "--server", "ftp://example");
        assertEquals(1, badUrl.exitCode(), badUrl.toString());
    }

    @Test
    void helpAndVersionExitZero() {
        for (String command : List.of("init", "validate", "diff", "publish", "pull", "status", "history", "rollback", "login")) {
            CliRun.Result help = cli().run(command, "--help");
            assertEquals(0, help.exitCode(), command);
            assertTrue(help.out().contains("--server"), command + ": " + help.out());
            assertTrue(help.out().contains("--output"), command + ": " + help.out());
        }
        assertEquals("prm 0.1.0\n", cli().run("--version").out());
    }

    @Test
    void anUnreachableServerExitsTwo() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String server = "http://127.0.0.1:" + port;
        for (String[] args : List.of(new String[] {"status"}, new String[] {"history", "partners"},
                new String[] {"pull", "partners", "--dir", temp.toString()})) {
            String[] withServer = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--server", server)).toArray(String[]::new);
            CliRun.Result result = cli().run(withServer);
            assertEquals(2, result.exitCode(), result.toString());
            assertEquals(List.of("cannot reach " + server + ": connection refused"), result.errLines());
        }
    }
}
