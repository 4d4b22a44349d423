package io.prmos.engine.security;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The embedded identity provider's token endpoint answers only clients talking to the engine directly
 * on its machine (issue 11, item 2): a request a proxy forwarded gets no token, even on loopback.
 */
@QuarkusTest
class DevIdentityExposureSpec {

    private static final String TOKEN = "/api/dev-identity/token";

    @Test
    void aForwardedRequestGetsNoToken() {
        for (String header : new String[] {"X-Forwarded-For", "Forwarded"}) {
            given().header(header, header.equals("Forwarded") ? "for=203.0.113.7" : "203.0.113.7").contentType(ContentType.JSON)
                    .body(Map.of("username", "alice")).post(TOKEN).then().statusCode(403).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Map.of("username", "alice")).post(TOKEN).then().statusCode(200);
    }
}
