package io.prmos.engine.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
        given().header("Authorization", "").get("/api/v1/partners/partner").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        given().header("Authorization", "Bearer not.a.token").get("/api/v1/partners/partner").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer("alice")).get("/api/v1/partners/partner?limit=1").then().statusCode(200);
        assertTrue(handover.handedOver() >= before + 3, "the route ran after authentication set its handler, before the REST layer's");
    }
}
