package io.prmos.engine.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens of the embedded identity provider's configured users (alice@acme partner_manager
 * and admin, bob@acme sales_rep, carol@acme partner_viewer, dave@globex, erin@globex, frank@globex).
 */
public final class Tokens {

    static final String TOKEN_PATH = "/api/dev-identity/token";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** The token subject of a user: what created_by and updated_by record. */
    public static String subject(String user) {
        String token = bearer(user).substring("Bearer ".length());
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).path("sub").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Bearer eyJ…} for a configured user. */
    public static String bearer(String user) {
        String cached = CACHE.get(user);
        if (cached == null) {
            cached = RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", user))
                    .post(TOKEN_PATH).then().statusCode(200).extract().path("access_token");
            CACHE.put(user, cached);
        }
        return "Bearer " + cached;
    }
}
