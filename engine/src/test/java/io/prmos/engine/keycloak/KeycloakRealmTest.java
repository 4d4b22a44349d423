package io.prmos.engine.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks that {@code tools/keycloak/prm-realm.json} and {@code other-realm.json}, imported into a real
 * Keycloak 26, issue the tokens the engine's security layer relies on. Decodes JWT payloads only; the
 * signature is verified by Keycloak's own clients elsewhere.
 */
@Tag("keycloak")
class KeycloakRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeycloakServer kc;

    @BeforeAll
    static void startServer() {
        kc = KeycloakServer.shared();
    }

    private static String cliToken(String user) {
        return kc.passwordToken("prm-cli", "prm-cli-secret", user, user + "-pass");
    }

    static JsonNode payload(String jwt) {
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length, "JWS compact serialization expected");
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("undecodable JWT payload", e);
        }
    }

    static JsonNode header(String jwt) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("undecodable JWT header", e);
        }
    }

    /** {@code aud} may be a string, an array or absent. */
    static List<String> audiences(JsonNode claims) {
        List<String> out = new ArrayList<>();
        JsonNode aud = claims.get("aud");
        if (aud == null || aud.isNull()) {
            return out;
        }
        if (aud.isArray()) {
            aud.forEach(a -> out.add(a.asText()));
        } else {
            out.add(aud.asText());
        }
        return out;
    }

    static List<String> realmRoles(JsonNode claims) {
        List<String> out = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> out.add(r.asText()));
        return out;
    }

    @Test
    void aliceHasTenantRolesAudienceAndIssuer() {
        JsonNode c = payload(cliToken("alice"));
        assertEquals("acme", c.path("tenant").asText(null), c.toString());
        assertEquals("alice", c.path("preferred_username").asText(null));
        assertTrue(realmRoles(c).containsAll(List.of("partner_manager", "admin")), c.toString());
        assertFalse(realmRoles(c).contains("sales_rep"));
        assertTrue(audiences(c).contains("prm-api"), c.toString());
        assertEquals(kc.issuer(), c.path("iss").asText(null));
        assertEquals("http://localhost:" + kc.port() + "/realms/prm", kc.issuer());
        assertNotNull(c.get("sub"), "sub claim (basic scope) expected");
        assertEquals("prm-cli", c.path("azp").asText(null));
        long lifetime = c.path("exp").asLong() - c.path("iat").asLong();
        assertEquals(300, lifetime, "realm access token lifespan");
    }

    @Test
    void everyDemoUserCarriesItsTenantAndRoles() {
        record Expect(String user, String tenant, List<String> roles) { }
        for (Expect e : List.of(
                new Expect("bob", "acme", List.of("sales_rep")),
                new Expect("carol", "acme", List.of("partner_viewer")),
                new Expect("dave", "globex", List.of("partner_manager", "admin")),
                new Expect("erin", "globex", List.of("sales_rep")),
                new Expect("frank", "globex", List.of("partner_viewer")))) {
            JsonNode c = payload(cliToken(e.user()));
            assertEquals(e.tenant(), c.path("tenant").asText(null), e.user() + ": " + c);
            assertTrue(realmRoles(c).containsAll(e.roles()), e.user() + ": " + realmRoles(c));
            assertEquals(e.user(), c.path("preferred_username").asText(null));
            assertTrue(audiences(c).contains("prm-api"), e.user() + ": " + audiences(c));
        }
    }

    @Test
    void erinIsInGlobex() {
        assertEquals("globex", payload(cliToken("erin")).path("tenant").asText(null));
    }

    @Test
    void nobodyHasNoTenantClaim() {
        JsonNode c = payload(cliToken("nobody"));
        assertEquals("nobody", c.path("preferred_username").asText(null));
        assertNull(c.get("tenant"), c.toString());
        assertTrue(realmRoles(c).contains("sales_rep"));
        assertTrue(audiences(c).contains("prm-api"));
    }

    @Test
    void noaudClientTokensLackPrmApiAudience() {
        JsonNode c = payload(kc.passwordToken("prm-noaud", "prm-noaud-secret", "alice", "alice-pass"));
        assertFalse(audiences(c).contains("prm-api"), c.toString());
        assertEquals("acme", c.path("tenant").asText(null), "tenant mapper still present");
        assertEquals(kc.issuer(), c.path("iss").asText(null));
    }

    @Test
    void shortClientTokensLiveTwoSeconds() {
        JsonNode c = payload(kc.passwordToken("prm-short", "prm-short-secret", "alice", "alice-pass"));
        long lifetime = c.path("exp").asLong() - c.path("iat").asLong();
        assertTrue(lifetime > 0 && lifetime <= 2, "exp - iat = " + lifetime);
        assertTrue(audiences(c).contains("prm-api"));
        assertEquals("acme", c.path("tenant").asText(null));
    }

    @Test
    void otherRealmTokenHasForeignIssuerAndKey() {
        String foreign = kc.otherRealmToken("prm-cli", "prm-cli-secret", "mallory", "mallory-pass");
        JsonNode c = payload(foreign);
        assertNotEquals(kc.issuer(), c.path("iss").asText(null));
        assertEquals(kc.issuer("other"), c.path("iss").asText(null));
        // it otherwise looks like a perfectly good acme admin token
        assertEquals("acme", c.path("tenant").asText(null));
        assertTrue(realmRoles(c).contains("admin"));
        assertTrue(audiences(c).contains("prm-api"));
        // ...but is signed with the other realm's key
        String prmKid = header(cliToken("alice")).path("kid").asText();
        assertNotEquals(prmKid, header(foreign).path("kid").asText());
    }

    @Test
    void platformOperatorsAreAliceAndTheCliServiceAccountOnly() {
        assertTrue(realmRoles(payload(cliToken("alice"))).contains("platform_operator"));
        assertTrue(realmRoles(payload(kc.clientCredentialsToken("prm-cli", "prm-cli-secret"))).contains("platform_operator"));
        for (String user : List.of("bob", "carol", "dave", "erin", "frank")) {
            assertFalse(realmRoles(payload(cliToken(user))).contains("platform_operator"), user);
        }
    }

    @Test
    void serviceAccountOfPrmCliIsAcmeAdmin() {
        JsonNode c = payload(kc.clientCredentialsToken("prm-cli", "prm-cli-secret"));
        assertEquals("acme", c.path("tenant").asText(null), c.toString());
        assertTrue(realmRoles(c).contains("admin"), c.toString());
        assertEquals("service-account-prm-cli", c.path("preferred_username").asText(null));
        assertTrue(audiences(c).contains("prm-api"));
        assertEquals(kc.issuer(), c.path("iss").asText(null));
    }

    @Test
    void wrongPasswordAndPublicWebClientCannotUsePasswordGrant() {
        IllegalStateException bad = assertThrows(IllegalStateException.class,
                () -> kc.passwordToken("prm-cli", "prm-cli-secret", "alice", "wrong"));
        assertTrue(bad.getMessage().contains("invalid_grant"), bad.getMessage());
        IllegalStateException web = assertThrows(IllegalStateException.class,
                () -> kc.passwordToken("prm-web", null, "alice", "alice-pass"));
        assertTrue(web.getMessage().contains("unauthorized_client"), web.getMessage());
    }
}
