package io.prmos.engine.api;

import static io.prmos.engine.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeleteRestoreSpec {

    @Test
    void deleteIs204AndHidesTheRecordFromGetAndList() {
        String p = prefix();
        String gone = partner(p + "Gone");
        String kept = partner(p + "Kept");

        given().delete(PARTNERS + "/" + gone).then().statusCode(204).body(emptyString());

        given().get(PARTNERS + "/" + gone).then().statusCode(404).contentType(PROBLEM_JSON);
        given().queryParam("filter", "name startsWith '" + p + "'").queryParam("total", "exact").get(PARTNERS).then()
                .statusCode(200)
                .body("items.id", contains(kept))
                .body("total", equalTo(1));
    }

    @Test
    void deletingTwiceIs404() {
        String id = partner(prefix() + "Twice");
        given().delete(PARTNERS + "/" + id).then().statusCode(204);
        given().delete(PARTNERS + "/" + id).then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://prmos.io/problems/not-found"));
    }

    @Test
    void restoreBringsTheRecordBackWithANewVersion() {
        String p = prefix();
        String id = createId(PARTNERS, map("name", p + "Phoenix", "score", 33));
        given().delete(PARTNERS + "/" + id).then().statusCode(204);

        given().post(PARTNERS + "/" + id + "/restore").then()
                .statusCode(200)
                .header("ETag", "\"3\"")
                .body("id", equalTo(id))
                .body("version", equalTo(3))
                .body("score", equalTo(33))
                .body("$", not(hasKey("deleted_at")));
        given().get(PARTNERS + "/" + id).then().statusCode(200).body("name", equalTo(p + "Phoenix"));
        given().queryParam("filter", "name eq '" + p + "Phoenix'").get(PARTNERS).then().body("items.id", contains(id));
    }

    @Test
    void restoringALiveRecordIs404() {
        String id = partner(prefix() + "Alive");
        given().post(PARTNERS + "/" + id + "/restore").then().statusCode(404).contentType(PROBLEM_JSON);
        given().get(PARTNERS + "/" + id).then().header("ETag", "\"1\"");
    }

    @Test
    void deleteWithAStaleIfMatchIs412AndKeepsTheRecord() {
        String id = partner(prefix() + "Guarded");
        json().body(map("score", 7)).patch(PARTNERS + "/" + id).then().statusCode(200);

        given().header("If-Match", "\"1\"").delete(PARTNERS + "/" + id).then()
                .statusCode(412).contentType(PROBLEM_JSON).header("ETag", "\"2\"");
        given().get(PARTNERS + "/" + id).then().statusCode(200).body("score", equalTo(7));

        given().header("If-Match", "\"2\"").delete(PARTNERS + "/" + id).then().statusCode(204);
        given().get(PARTNERS + "/" + id).then().statusCode(404);
    }

    @Test
    void restoreWithAStaleIfMatchIs412AndKeepsItDeleted() {
        String id = partner(prefix() + "Buried");
        given().delete(PARTNERS + "/" + id).then().statusCode(204);

        given().header("If-Match", "\"1\"").post(PARTNERS + "/" + id + "/restore").then()
                .statusCode(412).contentType(PROBLEM_JSON).header("ETag", "\"2\"");
        given().get(PARTNERS + "/" + id).then().statusCode(404);
    }

    @Test
    void deletingAMissingRecordIs404() {
        given().delete(PARTNERS + "/3f1c1d7e-0000-4000-8000-000000000000").then().statusCode(404).contentType(PROBLEM_JSON);
    }
}
