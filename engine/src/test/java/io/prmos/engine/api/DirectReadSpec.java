package io.prmos.engine.api;

import static io.prmos.engine.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The direct read route (docs/adr/0093) answers a plain get by id exactly as the REST resource does —
 * compared here with the same request sent with a query parameter, which always goes to the resource —
 * and leaves every other answer (401, 403, 404, public ids, kernel paths) to the resource.
 */
@QuarkusTest
class DirectReadSpec {

    private static final String MISSING = "7d444840-9dc0-11d1-b245-5ffdce74fad2";

    @Inject
    DirectRecordReads direct;

    @Test
    void aPlainGetIsAnsweredDirectlyWithTheResourcesAnswer() {
        String id = createId(PARTNERS, map("name", prefix() + "Direct", "tier", "gold", "score", 7, "notes", "private",
                "active", true, "annual_target", money("10.50", "EUR"), "types", List.of("referral")));
        long before = direct.answered();

        Response fast = given().header("Authorization", Tokens.bearer("alice")).get(PARTNERS + "/" + id);
        assertEquals(before + 1, direct.answered(), "the direct route answered");
        Response viaResource = given().header("Authorization", Tokens.bearer("alice")).get(PARTNERS + "/" + id + "?expand=");
        assertEquals(before + 1, direct.answered(), "a query parameter goes to the resource");
        assertSameAnswer(viaResource, fast);
        assertEquals("private", fast.path("notes"));
        assertEquals("\"1\"", fast.header("ETag"));
    }

    @Test
    void hiddenFieldsAndRowScopeHoldOnTheDirectRoute() {
        String active = createId(PARTNERS, map("name", prefix() + "Seen", "tier", "gold", "active", true, "notes", "secret"));
        String inactive = createId(PARTNERS, map("name", prefix() + "Unseen", "tier", "gold", "active", false, "notes", "secret"));
        String carol = Tokens.bearer("carol");

        Response seen = given().header("Authorization", carol).get(PARTNERS + "/" + active);
        assertSameAnswer(given().header("Authorization", carol).get(PARTNERS + "/" + active + "?expand="), seen);
        assertEquals(200, seen.statusCode());
        assertFalse(seen.jsonPath().getMap("$").containsKey("notes"), "notes are hidden from partner_viewer");
        assertFalse(seen.jsonPath().getMap("$").containsKey("annual_target"));

        Response unseen = given().header("Authorization", carol).get(PARTNERS + "/" + inactive);
        assertEquals(404, unseen.statusCode(), "outside carol's rows: as if it did not exist");
        assertSameAnswer(given().header("Authorization", carol).get(PARTNERS + "/" + inactive + "?expand="), unseen);
    }

    @Test
    void everyRefusalIsTheResourcesOwn() {
        String id = partner(prefix() + "Refusals");
        for (Map.Entry<String, String> call : Map.of(
                "no token", "",
                "another tenant", Tokens.bearer("dave"),
                "a garbage token", "Bearer not-a-token").entrySet()) {
            Response plain = given().header("Authorization", call.getValue()).get(PARTNERS + "/" + id);
            Response resource = given().header("Authorization", call.getValue()).get(PARTNERS + "/" + id + "?expand=");
            assertSameAnswer(resource, plain);
            assertTrue(plain.statusCode() == 401 || plain.statusCode() == 404, call.getKey() + ": " + plain.statusCode());
        }
        String carol = Tokens.bearer("carol");
        given().header("Authorization", carol).get(DEALS + "/" + MISSING).then().statusCode(403).contentType(PROBLEM_JSON);
        given().header("Authorization", Tokens.bearer("alice")).get(PARTNERS + "/" + MISSING).then().statusCode(404)
                .contentType(PROBLEM_JSON).body("instance", equalTo(PARTNERS + "/" + MISSING));
        given().header("Authorization", Tokens.bearer("alice")).get("/api/v1/nosuch/thing/" + MISSING).then().statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void kernelPathsAndPublicIdsAreNotTaken() {
        long before = direct.answered();
        given().header("Authorization", Tokens.bearer("alice")).get("/api/v1/agents/runs/" + MISSING).then().statusCode(404)
                .contentType(PROBLEM_JSON);
        String publicId = createId(PARTNERS, map("name", prefix() + "Public")) ;
        String prt = given().header("Authorization", Tokens.bearer("alice")).get(PARTNERS + "/" + publicId).path("public_id");
        given().header("Authorization", Tokens.bearer("alice")).get(PARTNERS + "/" + prt).then().statusCode(200)
                .body("id", equalTo(publicId));
        assertEquals(before + 1, direct.answered(), "only the uuid get was answered directly");
    }

    private static void assertSameAnswer(Response expected, Response actual) {
        assertEquals(expected.statusCode(), actual.statusCode());
        assertEquals(expected.contentType(), actual.contentType());
        assertEquals(expected.header("ETag"), actual.header("ETag"));
        assertEquals((Object) expected.jsonPath().get("$"), actual.jsonPath().get("$"));
    }
}
