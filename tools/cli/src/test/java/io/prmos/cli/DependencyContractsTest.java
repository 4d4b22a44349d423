package io.prmos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.cli.http.Http;
import io.prmos.metadata.contract.Checksums;
import io.prmos.metadata.contract.LockFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module in its own folder, without siblings: the partners sample module copied alone into a
 * temporary folder validates and publishes with the contract of organizations from a lock or from
 * the server's registry (a fake engine serving the real organizations manifest).
 */
class DependencyContractsTest {

    private static final Path SAMPLES = Path.of("../../modules").toAbsolutePath().normalize();
    private static final String INSTALLED = "GET /api/admin/modules";
    private static final String ORGANIZATIONS = "GET /api/admin/modules/organizations/manifest?version=1.0.0";

    @TempDir
    Path temp;

    private FakeEngine engine;
    private Path partners;
    private String organizations;

    @BeforeEach
    void setUp() throws IOException {
        engine = new FakeEngine();
        partners = Files.createDirectories(temp.resolve("repo/partners"));
        Files.copy(SAMPLES.resolve("partners/module.yaml"), partners.resolve("module.yaml"));
        organizations = Files.readString(SAMPLES.resolve("organizations/module.yaml"), StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private void serveOrganizations(String version, String checksum) {
        engine.json(INSTALLED, 200, "{\"items\":[{\"module\":\"organizations\",\"version\":\"" + version + "\",\"status\":\"active\","
                + "\"installedAt\":\"2026-05-01T10:00:00Z\",\"installedBy\":\"alice\",\"checksum\":\"" + checksum + "\"}]}");
        engine.on("GET /api/admin/modules/organizations/manifest?version=" + version, 200, "application/yaml; charset=utf-8", organizations);
    }

    private CliRun.Result prm(String... args) {
        return new CliRun(temp.resolve("config")).run(args);
    }

    @Test
    void aLoneModuleFailsWithAHintThenValidatesWithTheServersRegistry() {
        CliRun.Result alone = prm("validate", partners.toString());
        assertEquals(1, alone.exitCode(), alone.toString());
        assertTrue(alone.err().contains("partners/module.yaml:7:3 /requires/organizations: required module 'organizations' is not in the module set"),
                alone.toString());
        assertTrue(alone.err().contains("hint: "), alone.toString());

        serveOrganizations("1.0.0", Checksums.sha256(organizations));
        CliRun.Result withServer = prm("validate", partners.toString(), "--server", engine.url());
        assertEquals(0, withServer.exitCode(), withServer.toString());
        assertTrue(withServer.out().contains("requires organizations 1.0.0 (contract from " + engine.url() + ")"), withServer.toString());
        assertTrue(withServer.out().contains("OK: 1 module(s) valid: partners 1.0.0"), withServer.toString());
    }

    @Test
    void depsPullWritesALockWithWhichTheModuleValidatesOffline() throws Exception {
        serveOrganizations("1.0.0", Checksums.sha256(organizations));
        CliRun.Result pull = prm("deps", "pull", partners.toString(), "--server", engine.url());
        assertEquals(0, pull.exitCode(), pull.toString());
        assertTrue(pull.out().contains("locked organizations 1.0.0 sha256:" + Checksums.sha256(organizations).substring(0, 12)), pull.toString());

        LockFile lock = LockFile.in(partners).orElseThrow();
        assertEquals(List.of("organizations"), List.copyOf(lock.modules().keySet()));
        assertEquals(Checksums.sha256(organizations), lock.modules().get("organizations").checksum());
        assertFalse(lock.modules().get("organizations").contract().contains("permissions:"), "a contract carries no behaviour");

        engine.close();
        CliRun.Result offline = prm("validate", partners.toString());
        assertEquals(0, offline.exitCode(), offline.toString());
        assertTrue(offline.out().contains("requires organizations 1.0.0 (contract from prm-lock.yaml)"), offline.toString());
    }

    @Test
    void anEditedLockIsRefused() throws IOException {
        serveOrganizations("1.0.0", Checksums.sha256(organizations));
        assertEquals(0, prm("deps", "pull", partners.toString(), "--server", engine.url()).exitCode());
        Path lock = partners.resolve(LockFile.FILE_NAME);
        Files.writeString(lock, Files.readString(lock).replace("maxLength: 200", "maxLength: 20"));
        CliRun.Result validate = prm("validate", partners.toString());
        assertEquals(1, validate.exitCode(), validate.toString());
        assertTrue(validate.err().contains("prm-lock.yaml#organizations:1:1 /: the contract of 'organizations' does not match its contractChecksum"),
                validate.toString());
    }

    @Test
    void depsPullRefusesAVersionOutsideTheRequiredRangeAndWritesNothing() {
        serveOrganizations("2.0.0", Checksums.sha256(organizations));
        CliRun.Result pull = prm("deps", "pull", partners.toString(), "--server", engine.url());
        assertEquals(1, pull.exitCode(), pull.toString());
        assertEquals(List.of("prm deps pull: organizations: required ^1.0 but " + engine.url() + " has 2.0.0; nothing was written"),
                pull.errLines());
        assertFalse(Files.exists(partners.resolve(LockFile.FILE_NAME)));
    }

    @Test
    void depsCheckReportsWhenTheServerMovedPastTheLock() {
        serveOrganizations("1.0.0", Checksums.sha256(organizations));
        assertEquals(0, prm("deps", "pull", partners.toString(), "--server", engine.url()).exitCode());
        CliRun.Result current = prm("deps", "check", partners.toString(), "--server", engine.url());
        assertEquals(0, current.exitCode(), current.toString());
        assertTrue(current.out().contains("the lock is current"), current.toString());

        engine.json(INSTALLED, 200, "{\"items\":[{\"module\":\"organizations\",\"version\":\"1.1.0\",\"status\":\"active\","
                + "\"installedAt\":\"2026-06-01T10:00:00Z\",\"installedBy\":\"alice\",\"checksum\":\"abc\"}]}");
        CliRun.Result moved = prm("deps", "check", partners.toString(), "--server", engine.url(), "--output", "json");
        assertEquals(1, moved.exitCode(), moved.toString());
        assertTrue(moved.err().contains("prm deps check: organizations: locked 1.0.0, " + engine.url() + " has 1.1.0"), moved.toString());
        assertTrue(moved.out().contains("\"state\" : \"moved\""), moved.toString());
    }

    @Test
    void aLoneModulePublishesWithItsRequirementsFromTheServer() throws IOException {
        serveOrganizations("1.0.0", Checksums.sha256(organizations));
        engine.json("POST /api/admin/modules?dryRun=true", 200, "{\"dryRun\":true,\"applied\":false,\"modules\":[]}");
        CliRun.Result publish = prm("publish", partners.toString(), "--dry-run", "--server", engine.url());
        assertEquals(0, publish.exitCode(), publish.toString());
        JsonNode sent = Http.JSON.readTree(engine.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow().body());
        assertEquals(1, sent.path("modules").size(), "only the module itself is published");
        assertEquals("partners/module.yaml", sent.path("modules").get(0).path("file").asText());
        assertTrue(sent.path("modules").get(0).path("certificate").isMissingNode());
    }

    @Test
    void aServerSendingAnotherTextThanItListedIsAServerError() {
        serveOrganizations("1.0.0", "0000");
        CliRun.Result pull = prm("deps", "pull", partners.toString(), "--server", engine.url());
        assertEquals(2, pull.exitCode(), pull.toString());
        assertTrue(pull.err().contains("listed organizations 1.0.0 with checksum 0000 but sent a manifest with checksum"), pull.toString());
    }
}
