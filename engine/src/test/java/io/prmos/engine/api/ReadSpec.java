package io.prmos.engine.api;

import static io.prmos.engine.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadSpec {

    @Test
    void getReturnsEveryFieldWithTheVersionAsEtag() {
        String p = prefix();
        String org = organization(p + "Owner");
        String id = createId(PARTNERS, map("name", p + "Read me", "tier", "silver", "types", List.of("referral"),
                "score", 41, "organization", org, "joined_on", "2023-01-15", "active", false,
                "annual_target", money("999.99", "GBP")));

        given().accept("application/json").get(PARTNERS + "/" + id).then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .header("ETag", "\"1\"")
                .body("id", equalTo(id))
                .body("version", equalTo(1))
                .body("name", equalTo(p + "Read me"))
                .body("tier", equalTo("silver"))
                .body("types", contains("referral"))
                .body("score", equalTo(41))
                .body("organization", equalTo(org))
                .body("parent", nullValue())
                .body("joined_on", equalTo("2023-01-15"))
                .body("active", equalTo(false))
                .body("annual_target.amount", equalTo(999.99f))
                .body("annual_target.currency", equalTo("GBP"))
                .body("$", hasKey("notes"))
                .body("$", not(hasKey("tenant_id")));
    }

    @Test
    void anUnknownIdIs404ProblemJson() {
        String id = "7d444840-9dc0-11d1-b245-5ffdce74fad2";
        given().get(PARTNERS + "/" + id).then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("https://prmos.io/problems/not-found"))
                .body("status", equalTo(404))
                .body("detail", containsString(id))
                .body("instance", equalTo(PARTNERS + "/" + id));
    }

    @Test
    void theEtagFollowsTheVersionAfterAnUpdate() {
        String id = partner(prefix() + "Versioned");
        json().body(map("score", 1)).patch(PARTNERS + "/" + id).then().statusCode(200);
        json().body(map("score", 2)).patch(PARTNERS + "/" + id).then().statusCode(200);

        given().get(PARTNERS + "/" + id).then().statusCode(200)
                .header("ETag", "\"3\"")
                .body("version", equalTo(3))
                .body("score", equalTo(2));
    }
}
