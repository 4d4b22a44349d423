package io.prmos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.cli.http.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diff, publish, rollback, pull, status and history against canned answers in the engine's contract. */
class ServerCommandsTest {

    private static final String PUBLISH_DRY = "POST /api/admin/modules?dryRun=true";
    private static final String PUBLISH = "POST /api/admin/modules?dryRun=false";

    private static final String ADDITIVE_PLAN = """
            {"dryRun":%s,"applied":%s,"modules":[{"module":"crm","from":"0.1.0","to":"0.2.0","classification":"additive",
             "changes":[{"kind":"FIELD_ADDED","target":"Crm.rating","classification":"ADDITIVE","description":"new optional field rating","acknowledged":false}],
             "sql":["ALTER TABLE crm.crm ADD COLUMN rating integer"]}]}""";

    private static final String BREAKING_PLAN = """
            {"dryRun":%s,"applied":%s,"modules":[{"module":"crm","from":"0.1.0","to":"1.0.0","classification":"breaking",
             "changes":[{"kind":"FIELD_REMOVED","target":"Crm.notes","classification":"BREAKING","description":"drops column notes and its data","acknowledged":true}],
             "sql":["ALTER TABLE crm.crm DROP COLUMN notes"]}]}""";

    @TempDir
    Path temp;

    private FakeEngine engine;

    @BeforeEach
    void start() throws IOException {
        engine = new FakeEngine();
        new CliRun(temp.resolve("config")).run("init", "crm", "--dir", temp.resolve("modules").toString());
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private CliRun.Result prm(String... args) {
        return prm(new CliRun(temp.resolve("config")), args);
    }

    private CliRun.Result prm(CliRun cli, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--server";
        all[args.length + 1] = engine.url();
        return cli.run(all);
    }

    private String moduleDir() {
        return temp.resolve("modules/crm").toString();
    }

    private static String plan(String template, boolean dryRun) {
        return template.formatted(dryRun, !dryRun);
    }

    @Test
    void diffSendsTheManifestsAndPrintsThePlan() throws IOException {
        engine.json(PUBLISH_DRY, 200, plan(ADDITIVE_PLAN, true));
        CliRun.Result diff = prm("diff", temp.resolve("modules").toString());
        assertEquals(0, diff.exitCode(), diff.toString());
        assertEquals("""
                crm 0.1.0 -> 0.2.0  [additive]
                  + FIELD_ADDED Crm.rating (ADDITIVE): new optional field rating
                  SQL:
                    ALTER TABLE crm.crm ADD COLUMN rating integer;
                """, diff.out());
        assertEquals(List.of(PUBLISH_DRY), engine.requestLines());
        JsonNode body = Http.JSON.readTree(engine.requests().get(0).body());
        assertEquals("crm/module.yaml", body.at("/modules/0/file").asText());
        assertEquals(Files.readString(temp.resolve("modules/crm/module.yaml")), body.at("/modules/0/source").asText());
        assertEquals("application/json", engine.requests().get(0).header("Content-Type"));
    }

    @Test
    void diffWithJsonOutputPrintsThePlanDocument() throws IOException {
        engine.json(PUBLISH_DRY, 200, plan(ADDITIVE_PLAN, true));
        CliRun.Result diff = prm("diff", moduleDir(), "--output", "json");
        assertEquals(0, diff.exitCode());
        JsonNode plan = Http.JSON.readTree(diff.out());
        assertEquals("additive", plan.at("/modules/0/classification").asText());
        assertEquals("ALTER TABLE crm.crm ADD COLUMN rating integer", plan.at("/modules/0/sql/0").asText());
    }

    @Test
    void serverSideManifestProblemsPrintAsFileLineColumn() {
        engine.json(PUBLISH_DRY, 422, """
                {"type":"https://prmos.io/problems/invalid-manifest","title":"Invalid manifest","status":422,
                 "detail":"2 problems","errors":[
                 {"file":"crm/module.yaml","line":3,"column":10,"pointer":"/version","message":"must be greater than 0.1.0"},
                 {"file":"crm/module.yaml","line":1,"column":1,"pointer":"","message":"second problem"}]}""");
        CliRun.Result diff = prm("diff", moduleDir());
        assertEquals(1, diff.exitCode());
        assertEquals(List.of("crm/module.yaml:3:10 /version: must be greater than 0.1.0",
                "crm/module.yaml:1:1 /: second problem"), diff.errLines());
    }

    @Test
    void publishValidatesPlansAndApplies() throws IOException {
        engine.json(PUBLISH_DRY, 200, plan(ADDITIVE_PLAN, true));
        engine.json(PUBLISH, 200, plan(ADDITIVE_PLAN, false));
        CliRun.Result publish = prm("publish", moduleDir());
        assertEquals(0, publish.exitCode(), publish.toString());
        assertEquals(List.of(PUBLISH_DRY, PUBLISH), engine.requestLines());
        List<String> lines = publish.out().lines().toList();
        assertEquals("validating 1 module(s)...", lines.get(0));
        assertEquals("planning...", lines.get(1));
        assertTrue(lines.contains("applying..."), publish.out());
        assertEquals("done: applied crm 0.2.0", lines.get(lines.size() - 1));
        assertEquals("", publish.err());
        assertEquals(engine.requests().get(0).body(), engine.requests().get(1).body());
    }

    @Test
    void publishOfOneFolderResolvesRequiresFromSiblingsButSendsOnlyThatFolder() throws IOException {
        Path modules = temp.resolve("modules");
        Files.createDirectories(modules.resolve("base"));
        Files.writeString(modules.resolve("base/module.yaml"), "apiVersion: prm/v1\nmodule: base\nversion: 1.0.0\n"
                + "entities:\n  Account:\n    fields:\n      name: { type: text }\n");
        Files.createDirectories(modules.resolve("extra"));
        Files.writeString(modules.resolve("extra/module.yaml"), "apiVersion: prm/v1\nmodule: extra\nversion: 1.0.0\n"
                + "requires:\n  base: \"^1.0\"\nentities:\n  Note:\n    fields:\n      account: { type: reference, to: base.Account }\n");
        engine.json(PUBLISH_DRY, 200, "{\"dryRun\":true,\"applied\":false,\"modules\":[]}");
        CliRun.Result publish = prm("publish", modules.resolve("extra").toString(), "--dry-run");
        assertEquals(0, publish.exitCode(), publish.toString());
        JsonNode sent = Http.JSON.readTree(engine.requests().get(0).body()).path("modules");
        assertEquals(1, sent.size());
        assertEquals("extra/module.yaml", sent.get(0).path("file").asText());
    }

    @Test
    void publishDryRunStopsAfterThePlan() {
        engine.json(PUBLISH_DRY, 200, plan(BREAKING_PLAN, true));
        CliRun.Result publish = prm("publish", moduleDir(), "--dry-run");
        assertEquals(0, publish.exitCode(), publish.toString());
        assertEquals(List.of(PUBLISH_DRY), engine.requestLines());
        assertTrue(publish.out().contains("  ! FIELD_REMOVED Crm.notes (BREAKING, acknowledged): drops column notes and its data"),
                publish.out());
        assertTrue(publish.out().endsWith("dry run: nothing was applied\n"), publish.out());
    }

    @Test
    void anInvalidManifestIsRefusedBeforeAnyRequest() throws IOException {
        Path manifest = temp.resolve("modules/crm/module.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("version: 0.1.0", "version: one"));
        CliRun.Result publish = prm("publish", moduleDir());
        assertEquals(1, publish.exitCode());
        assertTrue(publish.errLines().get(0).startsWith("crm/module.yaml:3:10 /version: "), publish.toString());
        assertTrue(engine.requests().isEmpty());
    }

    @Test
    void breakingChangesAreRefusedWithoutATerminalUnlessYes() {
        engine.json(PUBLISH_DRY, 200, plan(BREAKING_PLAN, true));
        engine.json(PUBLISH, 200, plan(BREAKING_PLAN, false));
        CliRun.Result refused = prm("publish", moduleDir());
        assertEquals(1, refused.exitCode());
        assertEquals(1, refused.errLines().size());
        assertTrue(refused.err().contains("rerun with --yes"), refused.err());
        assertEquals(List.of(PUBLISH_DRY), engine.requestLines());

        CliRun.Result yes = prm("publish", moduleDir(), "--yes");
        assertEquals(0, yes.exitCode(), yes.toString());
        assertEquals(List.of(PUBLISH_DRY, PUBLISH_DRY, PUBLISH), engine.requestLines());
    }

    @Test
    void breakingChangesAskAtTheTerminal() {
        engine.json(PUBLISH_DRY, 200, plan(BREAKING_PLAN, true));
        engine.json(PUBLISH, 200, plan(BREAKING_PLAN, false));
        CliRun.Result no = prm(new CliRun(temp.resolve("config")).interactive("n\n"), "publish", moduleDir());
        assertEquals(1, no.exitCode());
        assertTrue(no.err().contains("Apply? [y/N]"), no.err());
        assertTrue(no.err().endsWith("cancelled: nothing was applied\n"), no.err());
        assertFalse(engine.requestLines().contains(PUBLISH));

        CliRun.Result y = prm(new CliRun(temp.resolve("config")).interactive("y\n"), "publish", moduleDir());
        assertEquals(0, y.exitCode(), y.toString());
        assertEquals(PUBLISH, engine.requestLines().get(engine.requestLines().size() - 1));
    }

    @Test
    void aRefusedChangeExitsOneWithTheRefusalLines() {
        engine.json(PUBLISH_DRY, 409, """
                {"type":"https://prmos.io/problems/breaking-change","title":"Breaking change refused","status":409,
                 "detail":"2 breaking changes are not acknowledged","errors":[
                 {"message":"Crm.notes is removed, which drops its data; acknowledge it under breakingChanges"},
                 {"message":"Crm.name changes type from text to integer; acknowledge it under breakingChanges"}]}""");
        CliRun.Result publish = prm("publish", moduleDir(), "--yes");
        assertEquals(1, publish.exitCode());
        assertEquals(List.of(
                "refused: Crm.notes is removed, which drops its data; acknowledge it under breakingChanges",
                "refused: Crm.name changes type from text to integer; acknowledge it under breakingChanges"),
                publish.errLines());
        assertEquals(List.of(PUBLISH_DRY), engine.requestLines());
    }

    @Test
    void aServerErrorExitsTwo() {
        engine.json(PUBLISH_DRY, 500, "{\"title\":\"Internal Server Error\",\"status\":500,\"detail\":\"boom\"}");
        CliRun.Result diff = prm("diff", moduleDir());
        assertEquals(2, diff.exitCode());
        assertEquals(List.of("Internal Server Error: boom"), diff.errLines());

        engine.on("GET /api/admin/modules", 502, "text/html", "<html>\n<body>Bad gateway</body>\n</html>");
        CliRun.Result status = prm("status");
        assertEquals(2, status.exitCode());
        assertEquals(1, status.errLines().size(), status.toString());
    }

    @Test
    void pullWritesTheServerBytesExactly() throws IOException {
        byte[] yaml = "apiVersion: prm/v1\r\nmodule: partners   \r\nversion: 1.1.0\n# naïve — “quotes”\n\n"
                .getBytes(StandardCharsets.UTF_8);
        engine.on("GET /api/admin/modules/partners/manifest", 200, "application/yaml", yaml);
        CliRun.Result pull = prm("pull", "partners", "--dir", temp.resolve("out").toString());
        assertEquals(0, pull.exitCode(), pull.toString());
        assertArrayEquals(yaml, Files.readAllBytes(temp.resolve("out/partners/module.yaml")));
        assertEquals("wrote " + temp.resolve("out/partners/module.yaml") + " (" + yaml.length + " bytes)\n", pull.out());
    }

    @Test
    void pullOfAJsonManifestAtAVersionWritesModuleJson() throws IOException {
        byte[] json = "{\"apiVersion\":\"prm/v1\",\"module\":\"partners\",\"version\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
        engine.on("GET /api/admin/modules/partners/manifest?version=1.0.0", 200, "application/json; charset=utf-8", json);
        CliRun.Result pull = prm("pull", "partners", "--version", "1.0.0", "--dir", temp.resolve("out").toString());
        assertEquals(0, pull.exitCode(), pull.toString());
        assertArrayEquals(json, Files.readAllBytes(temp.resolve("out/partners/module.json")));
        assertFalse(Files.exists(temp.resolve("out/partners/module.yaml")));
    }

    @Test
    void pullOfAnUnknownModuleIsAUserError() {
        engine.json("GET /api/admin/modules/nope/manifest", 404,
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"module 'nope' is not installed\"}");
        CliRun.Result pull = prm("pull", "nope", "--dir", temp.toString());
        assertEquals(1, pull.exitCode());
        assertEquals(List.of("Not Found: module 'nope' is not installed"), pull.errLines());
    }

    @Test
    void statusPrintsATable() {
        engine.json("GET /api/admin/modules", 200, """
                {"items":[{"module":"organizations","version":"1.0.0","status":"installed","installedAt":"2026-05-01T10:00:00Z",
                           "installedBy":"alice","checksum":"sha256:0123456789abcdef"},
                          {"module":"partners","version":"1.1.0","status":"installed","installedAt":"2026-05-02T11:30:00Z",
                           "installedBy":"bob","checksum":"sha256:fedcba9876543210"}]}""");
        CliRun.Result status = prm("status");
        assertEquals(0, status.exitCode(), status.toString());
        assertEquals("""
                MODULE         VERSION  STATUS     INSTALLED AT          BY     CHECKSUM
                organizations  1.0.0    installed  2026-05-01T10:00:00Z  alice  sha256:01234
                partners       1.1.0    installed  2026-05-02T11:30:00Z  bob    sha256:fedcb
                """, status.out());
    }

    @Test
    void historyListsVersionsNewestFirst() throws IOException {
        engine.json("GET /api/admin/modules/partners/history", 200, """
                {"items":[{"module":"partners","version":"1.1.0","status":"installed","installedAt":"2026-05-02T11:30:00Z","installedBy":"bob","checksum":"b"},
                          {"module":"partners","version":"1.0.0","status":"superseded","installedAt":"2026-05-01T10:00:00Z","installedBy":"alice","checksum":"a"}]}""");
        CliRun.Result history = prm("history", "partners");
        assertEquals(0, history.exitCode(), history.toString());
        List<String> lines = history.out().lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("partners  1.1.0    installed "), lines.get(1));
        assertTrue(lines.get(2).startsWith("partners  1.0.0    superseded"), lines.get(2));

        CliRun.Result json = prm("history", "partners", "--output", "json");
        assertEquals("1.0.0", Http.JSON.readTree(json.out()).at("/items/1/version").asText());
    }

    @Test
    void rollbackPlansAndApplies() {
        String rollbackDry = "POST /api/admin/modules/crm/rollback?dryRun=true";
        String rollback = "POST /api/admin/modules/crm/rollback?dryRun=false";
        engine.json(rollbackDry, 200, plan(ADDITIVE_PLAN, true));
        engine.json(rollback, 200, plan(ADDITIVE_PLAN, false));
        CliRun.Result result = prm("rollback", "crm");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(List.of(rollbackDry, rollback), engine.requestLines());

        engine.json(rollbackDry, 200, plan(BREAKING_PLAN, true));
        CliRun.Result breaking = prm("rollback", "crm");
        assertEquals(1, breaking.exitCode());
        assertEquals(rollbackDry, engine.requestLines().get(engine.requestLines().size() - 1));
    }
}
