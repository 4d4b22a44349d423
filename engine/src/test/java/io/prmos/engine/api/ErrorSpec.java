package io.prmos.engine.api;

import static io.prmos.engine.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Errors a client can cause are problem+json with a stable type, never a stack trace. */
@QuarkusTest
class ErrorSpec {

    /** A problem body: the media type, the status repeated inside, and nothing internal. */
    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(status))
                .body("type", startsWith("https://prmos.io/problems/"))
                .body("title", not(emptyOrNullString()))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")))
                .body(not(containsString("io.prmos")))
                .body(not(containsString("io.vertx")));
    }

    @Test
    void anUnknownModuleOrEntityIs404() {
        problem(given().get("/api/v1/nope/partner").then(), 404)
                .body("type", equalTo("https://prmos.io/problems/not-found"))
                .body("detail", containsString("nope"));
        problem(given().get("/api/v1/partners/nope").then(), 404).body("detail", containsString("nope"));
        problem(json().body(map("name", "x")).post("/api/v1/partners/nope").then(), 404);
        problem(given().get("/api/v1/partners/Partner").then(), 404);
    }

    @Test
    void aPathOutsideTheApiShapeIs404ProblemJson() {
        problem(given().get("/api/v1/partners").then(), 404);
    }

    @Test
    void anIdThatIsNotAUuidIs404() {
        problem(given().get(PARTNERS + "/123").then(), 404)
                .body("type", equalTo("https://prmos.io/problems/not-found"))
                .body("detail", containsString("123"));
        problem(given().get(PARTNERS + "/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz").then(), 404);
        problem(json().body(map("score", 1)).patch(PARTNERS + "/not-a-uuid").then(), 404);
        problem(given().delete(PARTNERS + "/not-a-uuid").then(), 404);
    }

    @Test
    void malformedJsonIs400() {
        String p = prefix();
        problem(json().body("{\"name\": ").post(PARTNERS).then(), 400)
                .body("type", equalTo("https://prmos.io/problems/malformed-json"))
                .body("detail", containsString("line 1"));
        problem(json().body("{name: 'x'}").post(PARTNERS).then(), 400)
                .body("type", equalTo("https://prmos.io/problems/malformed-json"));
        problem(json().body("").post(PARTNERS).then(), 400)
                .body("type", equalTo("https://prmos.io/problems/malformed-json"));
        problem(json().body("{\"name\": \"" + p + "x\"} trailing").post(PARTNERS).then(), 400)
                .body("type", equalTo("https://prmos.io/problems/malformed-json"));
        problem(json().body("{\"operations\": [").post(PARTNERS + "/bulk").then(), 400)
                .body("type", equalTo("https://prmos.io/problems/malformed-json"));
        given().queryParam("filter", "name startsWith '" + p + "'").get(PARTNERS).then().body("items", empty());
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        String p = prefix();
        problem(given().contentType("text/plain").body("{\"name\": \"" + p + "plain\"}").post(PARTNERS).then(), 415);
        problem(given().contentType("application/xml").body("<partner/>").post(PARTNERS).then(), 415);
        String id = partner(p + "Typed");
        problem(given().contentType("text/plain").body("{\"score\": 5}").patch(PARTNERS + "/" + id).then(), 415);
        problem(given().contentType("text/plain").body("{\"name\": \"x\"}").put(PARTNERS + "/" + id).then(), 415);
        problem(given().contentType("text/plain").body("{\"operations\": []}").post(PARTNERS + "/bulk").then(), 415);
        given().queryParam("filter", "name startsWith '" + p + "'").get(PARTNERS).then()
                .body("items.name", contains(p + "Typed")).body("items[0].score", equalTo(0));
    }

    @Test
    void anUnsupportedMethodIs405() {
        problem(given().delete(PARTNERS).then(), 405);
    }

    @Test
    void aForgedCursorWithTheRightShapeButBadValuesIs400Not500() {
        String sort = "-score";
        String filter = "score gte 0";
        String signature = Integer.toHexString((sort + "|" + filter).hashCode());
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"s\":\"" + signature + "\",\"v\":[\"lots\",\"not-a-uuid\"]}").getBytes(StandardCharsets.UTF_8));
        problem(given().queryParam("sort", sort).queryParam("filter", filter).queryParam("cursor", forged).get(PARTNERS).then(), 400)
                .body("errors[0].parameter", equalTo("cursor"));
    }

    @Test
    void queryErrorsNameTheParameter() {
        problem(given().queryParam("filter", "score eq 1 and").get(PARTNERS).then(), 400)
                .body("type", equalTo("https://prmos.io/problems/invalid-query"))
                .body("errors[0].parameter", equalTo("filter"))
                .body("instance", equalTo(PARTNERS));
        problem(given().queryParam("sort", "-").get(PARTNERS).then(), 400).body("errors[0].parameter", equalTo("sort"));
    }

    @Test
    void validationAndConflictBodiesAreProblemsToo() {
        problem(json().body(map("score", 500)).post(PARTNERS).then(), 422)
                .body("errors.pointer", containsInAnyOrder("/name", "/score"));
        String vat = prefix() + "dup";
        create(ORGANIZATIONS, map("name", vat, "vat_number", vat));
        problem(json().body(map("name", vat + "2", "vat_number", vat)).post(ORGANIZATIONS).then(), 409)
                .body(not(containsString("duplicate key")))
                .body(not(containsString("organization_vat_number_key")));
    }
}
