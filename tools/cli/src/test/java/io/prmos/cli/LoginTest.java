package io.prmos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginTest {

    private static final String EMPTY_LIST = "{\"items\":[]}";

    @TempDir
    Path temp;

    private FakeEngine engine;

    @BeforeEach
    void start() throws IOException {
        engine = new FakeEngine();
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private CliRun cli() {
        return new CliRun(temp);
    }

    private Path credentialsFile() {
        return temp.resolve("prm/credentials.json");
    }

    @Test
    void apiKeyIsStoredPrivatelyAndSentByLaterCommands() throws IOException {
        CliRun.Result login = cli().run("login", "--server", engine.url(), "--api-key", "prm_secret_key");
        assertEquals(0, login.exitCode(), login.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentialsFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("prm"))));
        assertTrue(Files.readString(credentialsFile()).contains("prm_secret_key"));
        assertFalse(login.out().contains("prm_secret_key"), "the key must not be printed");

        engine.json("GET /api/admin/modules", 200, EMPTY_LIST);
        CliRun.Result status = cli().run("status");
        assertEquals(0, status.exitCode(), status.toString());
        assertEquals(List.of("GET /api/admin/modules"), engine.requestLines());
        assertEquals("ApiKey prm_secret_key", engine.requests().get(0).header("Authorization"));
    }

    @Test
    void loginAgainKeepsTheFilePrivateAndOtherServersCredentials() throws IOException {
        cli().run("login", "--server", "http://other.example:8080", "--api-key", "other_key");
        Files.setPosixFilePermissions(credentialsFile(), PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, cli().run("login", "--server", engine.url(), "--api-key", "mine").exitCode());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentialsFile())));
        String stored = Files.readString(credentialsFile());
        assertTrue(stored.contains("other_key") && stored.contains("mine"), stored);
    }

    @Test
    void devUserTokenIsRenewedOnceAfterA401() {
        engine.json("POST /api/dev-identity/token", 200, "{\"access_token\":\"first\"}");
        CliRun.Result login = cli().run("login", "--server", engine.url(), "--dev-user", "alice");
        assertEquals(0, login.exitCode(), login.toString());
        assertEquals("{\"username\":\"alice\"}", engine.requests().get(0).body());

        engine.json("POST /api/dev-identity/token", 200, "{\"access_token\":\"second\"}");
        engine.json("GET /api/admin/modules", 401, "{\"title\":\"Unauthorized\",\"status\":401}");
        engine.json("GET /api/admin/modules", 200, EMPTY_LIST);
        CliRun.Result status = cli().run("status");
        assertEquals(0, status.exitCode(), status.toString());
        assertEquals(List.of("POST /api/dev-identity/token", "GET /api/admin/modules",
                "POST /api/dev-identity/token", "GET /api/admin/modules"), engine.requestLines());
        assertEquals("Bearer first", engine.requests().get(1).header("Authorization"));
        assertEquals("Bearer second", engine.requests().get(3).header("Authorization"));
    }

    @Test
    void passwordGrantStoresTheRefreshTokenAndRefreshesOn401() throws IOException {
        String issuer = engine.url() + "/realms/prm";
        String token = "POST /realms/prm/protocol/openid-connect/token";
        engine.json(token, 200, "{\"access_token\":\"a1\",\"refresh_token\":\"r1\"}");
        CliRun.Result login = cli().stdin("s3cret\n").run("login", "--server", engine.url(), "--issuer", issuer,
                "--client-secret", "prm-cli-secret", "--username", "admin");
        assertEquals(0, login.exitCode(), login.toString());
        String form = engine.requests().get(0).body();
        assertTrue(form.contains("grant_type=password") && form.contains("username=admin")
                && form.contains("password=s3cret") && form.contains("client_id=prm-cli"), form);
        assertTrue(Files.readString(credentialsFile()).contains("\"refreshToken\" : \"r1\""));

        engine.json(token, 200, "{\"access_token\":\"a2\",\"refresh_token\":\"r2\"}");
        engine.json("GET /api/admin/modules", 401, "{\"title\":\"Unauthorized\",\"status\":401}");
        engine.json("GET /api/admin/modules", 200, EMPTY_LIST);
        assertEquals(0, cli().run("status").exitCode());
        String refresh = engine.requests().get(2).body();
        assertTrue(refresh.contains("grant_type=refresh_token") && refresh.contains("refresh_token=r1"), refresh);
        assertEquals("Bearer a2", engine.requests().get(3).header("Authorization"));
        assertTrue(Files.readString(credentialsFile()).contains("\"refreshToken\" : \"r2\""));
    }

    @Test
    void rejectedPasswordIsAUserError() {
        engine.json("POST /realms/prm/protocol/openid-connect/token", 401,
                "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}");
        CliRun.Result login = cli().run("login", "--server", engine.url(), "--issuer", engine.url() + "/realms/prm",
                "--username", "admin", "--password", "wrong");
        assertEquals(1, login.exitCode());
        assertEquals(List.of("login failed: HTTP 401: Invalid user credentials"), login.errLines());
        assertFalse(Files.exists(credentialsFile()));
    }

    @Test
    void loginNeedsExactlyOneMethod() {
        CliRun.Result none = cli().run("login", "--server", engine.url());
        assertEquals(1, none.exitCode());
        assertEquals(1, none.errLines().size());
        CliRun.Result two = cli().run("login", "--server", engine.url(), "--api-key", "k", "--dev-user", "alice");
        assertEquals(1, two.exitCode());
        assertTrue(engine.requests().isEmpty());
    }

    @Test
    void withoutCredentialsA401TellsTheUserToLogIn() {
        engine.json("GET /api/admin/modules", 401, "{\"title\":\"Unauthorized\",\"status\":401}");
        CliRun.Result status = cli().run("status", "--server", engine.url());
        assertEquals(1, status.exitCode());
        assertEquals(List.of("not signed in to " + engine.url() + " (Unauthorized); run prm login"), status.errLines());
        assertEquals(null, engine.requests().get(0).header("Authorization"));
    }
}
