package io.prmos.engine.keycloak;

import static io.prmos.engine.keycloak.KeycloakCallers.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.prmos.engine.identity.DevIdentityConfig;
import io.prmos.engine.identity.DevTokenIssuer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every way a credential can be wrong ends in 401 problem+json with a challenge, never a 500 and never
 * a silent fallback to anonymous; a valid principal without the permission gets 403 problem+json.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
@Tag("keycloak")
class TokenEdgeCasesSpec {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static void rejected(String authorization) {
        unauthorized(as(authorization).get(PARTNERS).then());
    }

    /** The same token with the character at {@code index} of JWS part {@code part} replaced. */
    private static String flip(String jwt, int part, int index) {
        String[] parts = jwt.split("\\.");
        char[] chars = parts[part].toCharArray();
        chars[index] = chars[index] == 'A' ? 'B' : 'A';
        parts[part] = new String(chars);
        return String.join(".", parts);
    }

    @Test
    void aValidTokenIsAcceptedSoTheRejectionsBelowMeanSomething() {
        as(bearer("alice")).get(PARTNERS).then().statusCode(200).body("items", notNullValue());
    }

    @Test
    void noCredentialsAre401() {
        // no header at all: without the filter that would add a dev-identity token
        unauthorized(given().noFilters().accept("application/json").get(PARTNERS).then())
                .body("detail", containsString("bearer token"));
        rejected("");
        unauthorized(as("").body(map("name", prefix() + "anon")).post(PARTNERS).then());
    }

    @Test
    void garbageBearerTokensAre401() {
        rejected("Bearer not-a-jwt");
        rejected("Bearer a.b.c");
        rejected("Bearer ");
        rejected("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
    }

    @Test
    void anExpiredTokenIs401() throws InterruptedException {
        String token = keycloak().passwordToken("prm-short", "prm-short-secret", "alice", "alice-pass");
        Instant exp = Instant.ofEpochSecond(KeycloakRealmTest.payload(token).path("exp").asLong());
        Response fresh = as("Bearer " + token).get(PARTNERS);
        if (fresh.statusCode() != 200 && Instant.now().isBefore(exp)) {
            fail("a prm-short token was refused before it expired: " + fresh.statusCode() + " " + fresh.asString());
        }
        Duration wait = Duration.between(Instant.now(), exp.plusSeconds(2));
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
        rejected("Bearer " + token);
    }

    @Test
    void aTokenOfAnotherRealmIs401() {
        String foreign = keycloak().otherRealmToken();
        assertEquals("acme", KeycloakRealmTest.payload(foreign).path("tenant").asText(), "looks like an acme admin");
        rejected("Bearer " + foreign);
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        rejected("Bearer " + keycloak().passwordToken("prm-noaud", "prm-noaud-secret", "alice", "alice-pass"));
    }

    @Test
    void aTamperedTokenIs401() {
        String token = token("alice");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String globex = payload.replace("\"tenant\":\"acme\"", "\"tenant\":\"globex\"");
        assertNotEquals(payload, globex, "the tenant claim should be in the payload: " + payload);
        rejected("Bearer " + parts[0] + "." + B64.encodeToString(globex.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        rejected("Bearer " + flip(token, 1, parts[1].length() / 2));
        rejected("Bearer " + flip(token, 2, parts[2].length() / 2));
        rejected("Bearer " + flip(token, 2, 0));
    }

    @Test
    void aTokenWithoutTenantIs401NamingTheTenant() {
        unauthorized(as(bearer("nobody")).get(PARTNERS).then())
                .body("detail", containsString("tenant"));
    }

    @Test
    void aDevIdentityStyleTokenSignedByAnUnknownKeyIs401() throws NoSuchAlgorithmException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        DevIdentityConfig.DevUser alice = new DevIdentityConfig.DevUser("alice", "acme", Set.of("partner_manager", "admin"));
        // with the dev identity's own issuer, and posing as the trusted Keycloak realm
        for (String issuer : List.of(DevIdentityConfig.DEFAULT_ISSUER, keycloak().issuer())) {
            String forged = new DevTokenIssuer(rsa.generateKeyPair(), issuer, Duration.ofMinutes(5)).issue(alice);
            rejected("Bearer " + forged);
        }
    }

    @Test
    void malformedAndUnknownApiKeysAre401() {
        rejected("ApiKey nonsense");
        rejected("ApiKey ");
        rejected("ApiKey prm_" + "z".repeat(32) + "_" + "x".repeat(43));
        String unknown = "prm_" + UUID.randomUUID().toString().replace("-", "") + "_" + "x".repeat(43);
        rejected("ApiKey " + unknown);

        // a real key id with the wrong secret
        String key = as(bearer("alice")).body(map("name", prefix() + "edge", "roles", List.of("partner_viewer")))
                .post(API_KEYS).then().statusCode(201).extract().path("key");
        as("ApiKey " + key).get(PARTNERS).then().statusCode(200);
        rejected("ApiKey " + key.substring(0, 37) + "y".repeat(43));
    }

    @Test
    void aValidPrincipalWithoutPermissionIs403() {
        String p = prefix();
        String partner = as(bearer("alice")).body(map("name", p + "P")).post(PARTNERS).then().statusCode(201).extract().path("id");
        forbidden(as(bearer("carol")).body(map("name", p + "deal", "partner", partner,
                "amount", map("amount", "1000.00", "currency", "EUR"))).post(DEALS).then());

        String bob = bearer("bob");
        forbidden(as(bob).get(API_KEYS).then());
        forbidden(as(bob).body(map("name", p + "bob", "roles", List.of("admin"))).post(API_KEYS).then());
    }
}
