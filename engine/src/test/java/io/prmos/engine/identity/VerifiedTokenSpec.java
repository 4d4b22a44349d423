package io.prmos.engine.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Remembering verified bearer tokens (docs/adr/0085) never accepts what verification would refuse:
 * an expired token, a token differing from a remembered one in its signature or claims, a token
 * signed by another key; and each remembered token keeps acting as its own caller.
 */
@QuarkusTest
class VerifiedTokenSpec {

    private static final String PARTNERS = "/api/v1/partners/partner";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final DevIdentityConfig.DevUser ALICE = new DevIdentityConfig.DevUser("alice", "acme", Set.of("partner_manager"));

    @ConfigProperty(name = "prm.dev-identity.key-file")
    String keyFile;

    private String signed(KeyPair keys, Duration lifetime) {
        return new DevTokenIssuer(keys, DevIdentityConfig.DEFAULT_ISSUER, lifetime).issue(ALICE);
    }

    private KeyPair trustedKeys() {
        return DevIdentityKeys.load(Path.of(keyFile));
    }

    private static int status(String token) {
        return given().header("Authorization", "Bearer " + token).get(PARTNERS + "?limit=1").statusCode();
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        assertEquals(200, status(signed(trustedKeys(), Duration.ofMinutes(5))), "warm: the first request of a run may be slow");
        String token = signed(trustedKeys(), Duration.ofSeconds(10));
        long exp = Long.parseLong(claims(token).replaceAll(".*\"exp\":(\\d+).*", "$1"));
        int accepted = 0;
        while (Instant.now().getEpochSecond() < exp - 5 && accepted < 3) {
            assertEquals(200, status(token), "valid, asked " + (accepted + 1) + " times");
            accepted++;
        }
        assertTrue(accepted >= 1, "the machine was too slow to ask before expiry");
        Thread.sleep(Math.max(0, (exp + 1) * 1000 - System.currentTimeMillis()));
        given().header("Authorization", "Bearer " + token).get(PARTNERS).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aRememberedTokenWithAnotherSignatureOrOtherClaimsIsRefused() {
        String token = signed(trustedKeys(), Duration.ofMinutes(5));
        assertEquals(200, status(token));
        assertEquals(200, status(token), "remembered now");
        String[] parts = token.split("\\.");

        String badSignature = parts[0] + "." + parts[1] + "." + flip(parts[2]);
        assertEquals(401, status(badSignature));

        String globex = claims(token).replace("\"tenant\":\"acme\"", "\"tenant\":\"globex\"");
        assertNotEquals(claims(token), globex);
        String otherClaims = parts[0] + "." + B64.encodeToString(globex.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(401, status(otherClaims));

        assertEquals(200, status(token), "the genuine token still works");
    }

    @Test
    void theSameClaimsSignedByAnUntrustedKeyAreRefused() throws Exception {
        assertEquals(200, status(signed(trustedKeys(), Duration.ofMinutes(5))));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String forged = signed(rsa.generateKeyPair(), Duration.ofMinutes(5));
        assertEquals(401, status(forged));
        assertEquals(401, status(forged), "still refused when asked again");
    }

    @Test
    void eachRememberedTokenActsAsItsOwnCaller() {
        String name = "verified-token-" + UUID.randomUUID();
        String id = given().contentType(ContentType.JSON).body(Map.of("name", name)).post(PARTNERS)
                .then().statusCode(201).extract().path("id");
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", Tokens.bearer("alice")).get(PARTNERS + "/" + id).then().statusCode(200)
                    .body("name", equalTo(name));
            given().header("Authorization", Tokens.bearer("dave")).get(PARTNERS + "/" + id).then().statusCode(404);
            given().header("Authorization", Tokens.bearer("dave")).queryParam("filter", "name eq '" + name + "'")
                    .get(PARTNERS).then().statusCode(200).body("items", hasSize(0));
            given().header("Authorization", Tokens.bearer("alice")).queryParam("filter", "name eq '" + name + "'")
                    .get(PARTNERS).then().statusCode(200).body("items", hasSize(1));
            given().header("Authorization", Tokens.bearer("carol")).contentType(ContentType.JSON).body(Map.of("name", name))
                    .post(PARTNERS).then().statusCode(403);
        }
    }

    private static String claims(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String flip(String part) {
        char[] chars = part.toCharArray();
        int middle = chars.length / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        return new String(chars);
    }
}
