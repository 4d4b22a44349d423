package io.prmos.engine.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The failure handler is handed over between Quarkus's authentication route and the REST layer's, and
 * authentication failures still reach the REST layer's problem mappers.
 */
@QuarkusTest
class AuthFailureHandoverSpec {

    @Inject
    AuthFailureHandover handover;

    @Test
    void failuresStillAnswerAsProblemsAndTheHandlerIsReplacedOnItsWay() {
        long before = handover.handedOver();
        long failedOver = AuthFailureHandover.failedToRest();
        given().header("Authorization", "").get("/api/v1/partners/partner").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        given().header("Authorization", "Bearer not.a.token").get("/api/v1/partners/partner").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("alice")).get("/api/v1/partners/partner?limit=1").then().statusCode(200);
        given().header("Authorization", "Bearer not.a.token").get("/api/v1/partners/partner/7d444840-9dc0-11d1-b245-5ffdce74fad2")
                .then().statusCode(401).contentType("application/problem+json");
        assertTrue(handover.handedOver() >= before + 4, "the route ran after authentication set its handler, before the REST layer's");
        assertEquals(failedOver, AuthFailureHandover.failedToRest(),
                "the REST layer and the direct routes answer failed authentication themselves: the handler must not also fail the request");
    }
}
