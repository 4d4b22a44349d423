package io.prmos.engine.api;

import static io.prmos.engine.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UpdateSpec {

    private static final String MISSING = "5b0f3ab6-63a3-4f0c-9a53-93a4f0b3d001";

    @Test
    void patchChangesOnlyTheGivenFieldsAndBumpsTheVersion() {
        String p = prefix();
        String id = createId(PARTNERS, map("name", p + "Patch me", "tier", "gold", "region", "apac", "score", 10,
                "notes", "keep"));

        json().body(map("score", 55, "region", null)).patch(PARTNERS + "/" + id).then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("version", equalTo(2))
                .body("score", equalTo(55))
                .body("region", nullValue())
                .body("name", equalTo(p + "Patch me"))
                .body("tier", equalTo("gold"))
                .body("notes", equalTo("keep"));
        given().get(PARTNERS + "/" + id).then().body("score", equalTo(55)).body("notes", equalTo("keep"));
    }

    @Test
    void putReplacesTheWholeRecordResettingOmittedFields() {
        String p = prefix();
        String id = createId(PARTNERS, map("name", p + "Put me", "tier", "platinum", "region", "amer", "score", 90,
                "types", List.of("reseller"), "notes", "gone soon"));

        json().body(map("name", p + "Replaced")).put(PARTNERS + "/" + id).then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("name", equalTo(p + "Replaced"))
                .body("tier", equalTo("registered"))
                .body("score", equalTo(0))
                .body("region", nullValue())
                .body("types", nullValue())
                .body("notes", nullValue());
    }

    @Test
    void putWithoutARequiredFieldIs422AndChangesNothing() {
        String p = prefix();
        String id = createId(PARTNERS, map("name", p + "Keep", "score", 3));

        json().body(map("score", 4)).put(PARTNERS + "/" + id).then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("errors.pointer", contains("/name"))
                .body("errors.code", contains("required"));
        given().get(PARTNERS + "/" + id).then().header("ETag", "\"1\"").body("score", equalTo(3));
    }

    @Test
    void ifMatchWithTheCurrentVersionSucceeds() {
        String id = partner(prefix() + "Matched");
        json().header("If-Match", "\"1\"").body(map("score", 11)).patch(PARTNERS + "/" + id).then()
                .statusCode(200).header("ETag", "\"2\"").body("score", equalTo(11));
        json().header("If-Match", "\"2\"").body(map("name", prefix() + "Matched again")).put(PARTNERS + "/" + id).then()
                .statusCode(200).header("ETag", "\"3\"");
    }

    @Test
    void patchWithAStaleIfMatchIs412WithTheCurrentEtagAndWritesNothing() {
        String id = partner(prefix() + "Stale");
        json().body(map("score", 20)).patch(PARTNERS + "/" + id).then().statusCode(200);

        json().header("If-Match", "\"1\"").body(map("score", 99)).patch(PARTNERS + "/" + id).then()
                .statusCode(412)
                .contentType(PROBLEM_JSON)
                .header("ETag", "\"2\"")
                .body("type", equalTo("https://prmos.io/problems/precondition-failed"))
                .body("status", equalTo(412))
                .body("detail", containsString("version 2"));
        given().get(PARTNERS + "/" + id).then().header("ETag", "\"2\"").body("score", equalTo(20));
    }

    @Test
    void putWithAStaleIfMatchIs412() {
        String id = partner(prefix() + "Stale put");
        json().body(map("score", 1)).patch(PARTNERS + "/" + id).then().statusCode(200);

        json().header("If-Match", "\"1\"").body(map("name", "never")).put(PARTNERS + "/" + id).then()
                .statusCode(412).contentType(PROBLEM_JSON).header("ETag", "\"2\"");
        given().get(PARTNERS + "/" + id).then().body("name", not(equalTo("never")));
    }

    @Test
    void ifMatchThatIsNotAnEtagIs400() {
        String id = partner(prefix() + "Bad etag");
        json().header("If-Match", "yesterday").body(map("score", 1)).patch(PARTNERS + "/" + id).then()
                .statusCode(400).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://prmos.io/problems/invalid-if-match"));
    }

    @Test
    void updatingAMissingRecordIs404ProblemJson() {
        json().body(map("score", 1)).patch(PARTNERS + "/" + MISSING).then()
                .statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://prmos.io/problems/not-found"))
                .body("detail", containsString(MISSING));
        json().body(map("name", "x")).put(PARTNERS + "/" + MISSING).then().statusCode(404).contentType(PROBLEM_JSON);
        json().header("If-Match", "\"1\"").body(map("score", 1)).patch(PARTNERS + "/" + MISSING).then()
                .statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void patchOfADeletedRecordIs404() {
        String id = partner(prefix() + "Deleted");
        given().delete(PARTNERS + "/" + id).then().statusCode(204);
        json().body(map("score", 1)).patch(PARTNERS + "/" + id).then().statusCode(404).contentType(PROBLEM_JSON);
    }
}
