package io.prmos.engine.keycloak;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the Keycloak specs share: tokens of the demo users from the same Keycloak the engine trusts,
 * requests that always carry an explicit Authorization header (so {@code DefaultCallerCallback} never
 * adds a dev-identity token), and the problem+json shape of 401 and 403.
 */
final class KeycloakCallers {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PARTNERS = "/api/v1/partners/partner";
    static final String DEALS = "/api/v1/deals/deal";
    static final String API_KEYS = "/api/admin/api-keys";
    static final String CLI = "prm-cli";
    static final String CLI_SECRET = "prm-cli-secret";

    static {
        // A request the server never answers must fail the spec, not hang the build.
        RestAssured.config = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", 10_000).setParam("http.socket.timeout", 60_000));
    }

    private KeycloakCallers() {
    }

    /**
     * The server the engine was configured with. Fails if the test resource and the spec see different
     * servers (e.g. the test resource ran in another class loader and started its own).
     */
    static KeycloakServer keycloak() {
        KeycloakServer server = KeycloakServer.shared();
        assertEquals(ConfigProvider.getConfig().getValue("prm.oidc.issuer", String.class), server.issuer(),
                "the engine trusts a different Keycloak than the one the spec gets tokens from");
        return server;
    }

    /** A password-grant access token of a demo user (password {@code <user>-pass}) via prm-cli. */
    static String token(String user) {
        return keycloak().passwordToken(CLI, CLI_SECRET, user, user + "-pass");
    }

    static String bearer(String user) {
        return "Bearer " + token(user);
    }

    /** A request with exactly this Authorization header; {@code ""} is anonymous. */
    static RequestSpecification as(String authorization) {
        return given().header("Authorization", authorization).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static String subject(String jwt) {
        return KeycloakRealmTest.payload(jwt).path("sub").asText();
    }

    /** A prefix no other test uses, so lists can be filtered to this test's records. */
    static String prefix() {
        return "kc" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put((String) keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    /** 401 problem+json with a challenge, and nothing internal in the body. */
    static ValidatableResponse unauthorized(ValidatableResponse response) {
        return problem(response, 401, "/unauthorized").header("WWW-Authenticate", notNullValue());
    }

    static ValidatableResponse forbidden(ValidatableResponse response) {
        return problem(response, 403, "/forbidden");
    }

    static ValidatableResponse problem(ValidatableResponse response, int status, String typeSuffix) {
        return response.statusCode(status)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(status))
                .body("type", endsWith(typeSuffix))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }
}
