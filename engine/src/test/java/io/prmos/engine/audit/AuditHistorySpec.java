package io.prmos.engine.audit;

import static io.prmos.engine.audit.AuditApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** GET …/{id}/history: who, when, which field, old and new value, request id — and nothing hidden. */
@QuarkusTest
class AuditHistorySpec {

    @Test
    void aSeriesOfUpdatesIsRecordedNewestFirstWithWhoWhenFieldOldNewAndRequestId() {
        String p = prefix();
        String id = create(PARTNERS, map("name", p + "Northwind", "score", 10, "notes", "first note"));
        json().header("X-Request-Id", p + "req-2").body(map("score", 20)).patch(PARTNERS + "/" + id).then().statusCode(200)
                .header("X-Request-Id", p + "req-2");
        json().header("X-Request-Id", p + "req-3").body(map("name", p + "Northwind AG", "notes", "second note"))
                .patch(PARTNERS + "/" + id).then().statusCode(200);

        Response history = given().get(PARTNERS + "/" + id + "/history");
        history.then().statusCode(200)
                .body("items.version", contains(3, 2, 1))
                .body("items.operation", contains("updated", "updated", "created"))
                .body("items.changedBy", everyItem(equalTo(Tokens.subject("alice"))))
                .body("items.changedByName", everyItem(equalTo("alice")))
                .body("items[0].requestId", equalTo(p + "req-3"))
                .body("items[1].requestId", equalTo(p + "req-2"))
                .body("items[0].changes.keySet()", containsInAnyOrder("name", "notes"))
                .body("items[0].changes.name.old", equalTo(p + "Northwind"))
                .body("items[0].changes.name.new", equalTo(p + "Northwind AG"))
                .body("items[0].changes.notes.old", equalTo("first note"))
                .body("items[0].changes.notes.new", equalTo("second note"))
                .body("items[1].changes.keySet()", contains("score"))
                .body("items[1].changes.score.old", equalTo(10))
                .body("items[1].changes.score.new", equalTo(20))
                .body("items[2].changes.name.old", nullValue())
                .body("items[2].changes.name.new", equalTo(p + "Northwind"))
                .body("items[2].changes.tier.new", equalTo("registered"))
                .body("nextCursor", nullValue());
        OffsetDateTime changedAt = OffsetDateTime.parse(history.path("items[0].changedAt"));
        assertEquals(0, ChronoUnit.MINUTES.between(changedAt, OffsetDateTime.now()), "changedAt is the time of the write");
    }

    @Test
    void withoutAnXRequestIdTheGeneratedOneIsEchoedAndRecorded() {
        Response created = json().body(map("name", prefix() + "Echo")).post(PARTNERS);
        String requestId = created.header("X-Request-Id");
        assertNotNull(requestId);
        given().get(PARTNERS + "/" + created.path("id") + "/history").then().statusCode(200)
                .body("items[0].requestId", equalTo(requestId));
    }

    @Test
    void fieldsTheCallerCannotSeeAreAbsentFromTheHistory() {
        String p = prefix();
        String id = create(PARTNERS, map("name", p + "Secretive", "notes", "classified-" + p,
                "annual_target", map("amount", 1000, "currency", "EUR")));
        json().body(map("notes", "still classified-" + p, "score", 5)).patch(PARTNERS + "/" + id).then().statusCode(200);

        Response asBob = given().header("Authorization", Tokens.bearer("bob")).get(PARTNERS + "/" + id + "/history");
        asBob.then().statusCode(200)
                .body("items.version", contains(2, 1))
                .body("items[0].changes.keySet()", contains("score"))
                .body("items[1].changes", not(hasKey("notes")))
                .body("items[1].changes", not(hasKey("annual_target")))
                .body("items[1].changes.name.new", equalTo(p + "Secretive"));
        assertEquals(-1, asBob.asString().indexOf("classified"), "hidden values never appear: " + asBob.asString());
        given().get(PARTNERS + "/" + id + "/history").then()
                .body("items[0].changes.keySet()", containsInAnyOrder("notes", "score"))
                .body("items[1].changes.annual_target.new.amount", equalTo(1000));
    }

    @Test
    void historyPagesWithACursorAndRecordsDeleteAndRestore() {
        String id = create(PARTNERS, map("name", prefix() + "Paged"));
        given().delete(PARTNERS + "/" + id).then().statusCode(204);
        given().post(PARTNERS + "/" + id + "/restore").then().statusCode(200);

        Response first = given().queryParam("limit", 2).get(PARTNERS + "/" + id + "/history");
        first.then().statusCode(200).body("items.operation", contains("restored", "deleted"))
                .body("items.version", contains(3, 2)).body("nextCursor", notNullValue());
        given().queryParam("limit", 2).queryParam("cursor", first.path("nextCursor").toString())
                .get(PARTNERS + "/" + id + "/history").then().statusCode(200)
                .body("items.operation", contains("created"));
    }

    @Test
    void anotherTenantsRecordAndAnUnauditedEntityHaveNoHistory() {
        String id = create(PARTNERS, map("name", prefix() + "Acme only"));
        given().header("Authorization", Tokens.bearer("dave")).get(PARTNERS + "/" + id + "/history").then()
                .statusCode(404).contentType(PROBLEM_JSON);
        given().get(PARTNERS + "/00000000-0000-0000-0000-000000000000/history").then().statusCode(404);
        String org = create(ORGANIZATIONS, map("name", prefix() + "Org"));
        given().get(ORGANIZATIONS + "/" + org + "/history").then().statusCode(404).contentType(PROBLEM_JSON)
                .body("detail", containsString("audit"));
    }

    @Test
    void aRecordOutsideTheCallersRowRuleHasNoHistoryForThem() {
        String id = create(PARTNERS, map("name", prefix() + "Dormant", "active", false));
        given().header("Authorization", Tokens.bearer("carol")).get(PARTNERS + "/" + id + "/history").then()
                .statusCode(404).contentType(PROBLEM_JSON);
    }
}
