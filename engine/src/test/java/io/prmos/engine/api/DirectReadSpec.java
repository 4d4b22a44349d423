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

    @Test
    void aListPageIsAnsweredDirectlyWithTheResourcesAnswer() {
        String p = prefix();
        for (int i = 0; i < 7; i++) {
            createId(PARTNERS, map("name", p + "Listed " + i, "tier", i % 2 == 0 ? "gold" : "silver", "score", i, "notes", "n" + i,
                    "active", i != 3));
        }
        String filter = "name startsWith '" + p + "' and tier eq 'gold'";
        for (String user : List.of("alice", "carol")) {
            String token = Tokens.bearer(user);
            long before = direct.answered();
            Response fast = given().header("Authorization", token).queryParam("filter", filter).queryParam("sort", "-score,name")
                    .queryParam("limit", 2).queryParam("total", "exact").get(PARTNERS);
            assertEquals(before + 1, direct.answered(), user + ": the direct route answered");
            Response viaResource = given().header("Authorization", token).queryParam("filter", filter).queryParam("sort", "-score,name")
                    .queryParam("limit", 2).queryParam("total", "exact").queryParam("expand", "").get(PARTNERS);
            assertSameAnswer(viaResource, fast);
            assertEquals(2, fast.jsonPath().getList("items").size(), user);
            String cursor = fast.path("nextCursor");
            Response next = given().header("Authorization", token).queryParam("filter", filter).queryParam("sort", "-score,name")
                    .queryParam("limit", 2).queryParam("cursor", cursor).get(PARTNERS);
            assertSameAnswer(given().header("Authorization", token).queryParam("filter", filter).queryParam("sort", "-score,name")
                    .queryParam("limit", 2).queryParam("cursor", cursor).queryParam("expand", "").get(PARTNERS), next);
            assertEquals(before + 2, direct.answered(), user + ": the second page too");
        }
        Response carolAll = given().header("Authorization", Tokens.bearer("carol")).queryParam("filter", "name startsWith '" + p + "'").get(PARTNERS);
        assertEquals(6, carolAll.jsonPath().getList("items").size(), "carol's rows: active partners only");
        assertFalse(carolAll.asString().contains("\"notes\""), "notes stay hidden from carol");
    }

    @Test
    void badOrUnusualListParametersAreTheResourcesToAnswer() {
        String alice = Tokens.bearer("alice");
        long before = direct.answered();
        for (Map<String, String> params : List.of(Map.of("filter", "nosuchfield eq 1"), Map.of("sort", "notes,"),
                Map.of("limit", "100000"), Map.of("cursor", "garbage"), Map.of("deleted", "sometimes"), Map.of("unknown", "1"))) {
            Response plain = given().header("Authorization", alice).queryParams(params).get(PARTNERS);
            Response resource = given().header("Authorization", alice).queryParams(params).queryParam("expand", "").get(PARTNERS);
            assertSameAnswer(resource, plain);
            assertTrue(plain.statusCode() == 400 || plain.statusCode() == 422 || plain.statusCode() == 200, params + ": " + plain.statusCode());
        }
        assertEquals(before, direct.answered(), "refusals and unknown parameters are left to the resource");
        // '+' and %20 both decode to a space on either route; %2B is a plus
        Response plus = given().header("Authorization", alice).urlEncodingEnabled(false).get(PARTNERS + "?filter=tier+eq+'gold'&limit=3");
        assertEquals(before + 1, direct.answered());
        assertSameAnswer(given().header("Authorization", alice).urlEncodingEnabled(false)
                .get(PARTNERS + "?filter=tier%20eq%20'gold'&limit=3&expand="), plus);
        Response literal = given().header("Authorization", alice).urlEncodingEnabled(false).get(PARTNERS + "?filter=name%20eq%20'a%2Bb'");
        assertSameAnswer(given().header("Authorization", alice).urlEncodingEnabled(false)
                .get(PARTNERS + "?filter=name%20eq%20'a%2Bb'&expand="), literal);
        assertEquals(200, literal.statusCode());
    }

    private static void assertSameAnswer(Response expected, Response actual) {
        assertEquals(expected.statusCode(), actual.statusCode());
        assertEquals(expected.contentType(), actual.contentType());
        assertEquals(expected.header("ETag"), actual.header("ETag"));
        assertEquals((Object) expected.jsonPath().get("$"), actual.jsonPath().get("$"));
    }
}
