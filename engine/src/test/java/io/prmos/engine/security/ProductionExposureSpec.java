package io.prmos.engine.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.prmos.engine.testing.ProductionDefaults;
import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an anonymous visitor reaches with the production defaults (issue 11, item 2): metrics (every
 * tenant's traffic) only with a platform operator's credentials, no Swagger UI; health stays open for
 * load balancers. The listener's bind and the embedded identity provider's guard are proved on the
 * packaged engine by {@code NetworkExposureIT}.
 */
@QuarkusTest
@TestProfile(ProductionDefaults.class)
class ProductionExposureSpec {

    @Test
    void metricsNeedAPlatformOperator() {
        given().header("Authorization", "").get("/q/metrics").then().statusCode(401);
        given().header("Authorization", Tokens.bearer("dave")).get("/q/metrics").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("alice")).get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_"));
        String scraper = given().header("Authorization", Tokens.bearer("alice")).contentType(ContentType.JSON)
                .body(Map.of("name", "prometheus", "roles", List.of("platform_operator"))).post("/api/admin/api-keys")
                .then().statusCode(201).extract().path("key");
        given().header("Authorization", "ApiKey " + scraper).get("/q/metrics").then().statusCode(200);
    }

    @Test
    void swaggerUiIsOffAndHealthStaysOpen() {
        given().header("Authorization", "").get("/q/swagger-ui/").then().statusCode(404);
        given().header("Authorization", Tokens.bearer("alice")).get("/q/swagger-ui/").then().statusCode(404);
        given().header("Authorization", "").get("/q/health/ready").then().statusCode(200);
    }
}
