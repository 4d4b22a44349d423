package io.prmos.engine.audit;

import static io.prmos.engine.audit.AuditApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prmos.engine.sql.SqlIdentifier;
import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The recycle bin: listing, ?deleted=, restore, purge by admins, retention purge, references, hard delete. */
@QuarkusTest
class RecycleBinSpec {

    private static final String BIN = "/api/v1/recycle-bin";

    @Inject
    Pool owner;

    @Inject
    RetentionJob retention;

    @Test
    void deletedRecordsAreListedWithWhoAndWhenAsTheCallerMaySeeThem() {
        String p = prefix();
        String id = create(PARTNERS, map("name", p + "Binned", "notes", "private-" + p));
        given().delete(PARTNERS + "/" + id).then().statusCode(204);

        String item = "items.find { it.id == '" + id + "' }";
        given().queryParam("entity", "partners.Partner").get(BIN).then().statusCode(200)
                .body(item + ".entity", equalTo("Partner"))
                .body(item + ".module", equalTo("partners"))
                .body(item + ".urn", equalTo("urn:prm:partners:partner:" + id))
                .body(item + ".deletedBy", equalTo(Tokens.subject("alice")))
                .body(item + ".deletedAt", notNullValue())
                .body(item + ".record.name", equalTo(p + "Binned"))
                .body(item + ".record.notes", equalTo("private-" + p))
                .body("items.module", everyItem(equalTo("partners")));
        given().header("Authorization", Tokens.bearer("bob")).get(BIN).then().statusCode(200)
                .body(item + ".record.name", equalTo(p + "Binned"))
                .body(item + ".record", not(hasKey("notes")));
        given().header("Authorization", Tokens.bearer("dave")).get(BIN).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void listsShowDeletedRecordsOnlyWhenAsked() {
        String p = prefix();
        String live = create(PARTNERS, map("name", p + "Live"));
        String gone = create(PARTNERS, map("name", p + "Gone"));
        given().delete(PARTNERS + "/" + gone).then().statusCode(204);
        String filter = "name startsWith '" + p + "'";

        given().queryParam("filter", filter).get(PARTNERS).then().statusCode(200).body("items.id", contains(live));
        given().queryParam("filter", filter).queryParam("deleted", "only").get(PARTNERS).then().statusCode(200)
                .body("items.id", contains(gone)).body("items[0].deleted_at", notNullValue());
        given().queryParam("filter", filter).queryParam("deleted", "include").queryParam("sort", "name").get(PARTNERS).then()
                .statusCode(200).body("items.id", contains(gone, live));
        given().queryParam("deleted", "all").get(PARTNERS).then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void restoreTakesARecordOutOfTheBin() {
        String id = create(PARTNERS, map("name", prefix() + "Returning"));
        given().delete(PARTNERS + "/" + id).then().statusCode(204);
        given().post(PARTNERS + "/" + id + "/restore").then().statusCode(200);
        given().get(BIN).then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void onlyAdminsPurgeAndAPurgedRecordIsGoneForGood() {
        String id = create(PARTNERS, map("name", prefix() + "Purged"));
        given().delete(PARTNERS + "/" + id).then().statusCode(204);

        given().header("Authorization", Tokens.bearer("bob")).delete(PARTNERS + "/" + id + "/purge").then()
                .statusCode(403).contentType(PROBLEM_JSON);
        given().delete(PARTNERS + "/" + id + "/purge").then().statusCode(204);

        assertEquals(0, rows("partners", "partner", id));
        assertEquals(0, historyRows("partners", id), "the history goes with the record");
        given().post(PARTNERS + "/" + id + "/restore").then().statusCode(404);
        given().get(BIN).then().body("items.id", not(hasItem(id)));
        given().queryParam("action", "purged").get("/api/v1/activity").then()
                .body("items.target", hasItem("urn:prm:partners:partner:" + id));
    }

    @Test
    void aLiveRecordCannotBePurgedAndAnotherTenantsIsNotFound() {
        String id = create(PARTNERS, map("name", prefix() + "Alive"));
        given().delete(PARTNERS + "/" + id + "/purge").then().statusCode(404).contentType(PROBLEM_JSON);
        given().delete(PARTNERS + "/" + id).then().statusCode(204);
        given().header("Authorization", Tokens.bearer("dave")).delete(PARTNERS + "/" + id + "/purge").then().statusCode(404);
        assertEquals(1, rows("partners", "partner", id));
    }

    @Test
    void aPurgeBlockedByReferencesIsReportedAsAConflict() {
        String partner = create(PARTNERS, map("name", prefix() + "Referenced"));
        create(DEALS, map("name", prefix() + "Deal", "partner", partner, "amount", map("amount", 100, "currency", "EUR")));
        given().delete(PARTNERS + "/" + partner).then().statusCode(204);

        given().delete(PARTNERS + "/" + partner + "/purge").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://prmos.io/problems/still-referenced"))
                .body("errors.message", contains("referenced by deals.Deal.partner (1)"));
        assertEquals(1, rows("partners", "partner", partner));
    }

    @Test
    void recordsPastTheirRetentionArePurgedByTheJobOthersStay() {
        String expired = create(PARTNERS, map("name", prefix() + "Expired"));
        String recent = create(PARTNERS, map("name", prefix() + "Recent"));
        String referenced = create(PARTNERS, map("name", prefix() + "Still needed"));
        create(DEALS, map("name", prefix() + "Deal", "partner", referenced, "amount", map("amount", 1, "currency", "EUR")));
        for (String id : new String[] {expired, recent, referenced}) {
            given().delete(PARTNERS + "/" + id).then().statusCode(204);
        }
        backdate("partners", "partner", expired, 31);
        backdate("partners", "partner", referenced, 31);
        backdate("partners", "partner", recent, 29);

        retention.purgeExpired().await().atMost(Duration.ofSeconds(60));

        assertEquals(0, rows("partners", "partner", expired));
        assertEquals(1, rows("partners", "partner", recent), "29 days < the default 30d retention");
        assertEquals(1, rows("partners", "partner", referenced), "a referenced record stays in the bin");
    }

    @Test
    void anEntityWithSoftDeleteOffIsDeletedForGoodAndStillAudited() {
        String module = "hard" + UUID.randomUUID().toString().substring(0, 6);
        publish(module, "apiVersion: prm/v1\nmodule: " + module + "\nversion: 1.0.0\n"
                + "roles:\n  partner_manager: { label: Partner manager }\n"
                + "entities:\n"
                + "  Note:\n    features: { softDelete: false, audit: true, activity: true }\n    fields:\n"
                + "      text: { type: text }\n"
                + "  Pin:\n    fields:\n      note: { type: reference, to: Note }\n"
                + "permissions:\n  partner_manager:\n"
                + "    Note: { read: all, create: true, update: all, delete: all, restore: all }\n"
                + "    Pin: { read: all, create: true, update: all, delete: all, restore: all }\n");
        String notes = "/api/v1/" + module + "/note";
        String id = create(notes, map("text", "ephemeral"));
        String pinned = create(notes, map("text", "pinned"));
        create("/api/v1/" + module + "/pin", map("note", pinned));

        given().delete(notes + "/" + id).then().statusCode(204);
        assertEquals(0, rows(module, "note", id));
        given().get(notes + "/" + id).then().statusCode(404);
        given().post(notes + "/" + id + "/restore").then().statusCode(404);
        given().get(BIN).then().body("items.id", not(hasItem(id)));
        given().queryParam("entity", module + ".Note").get("/api/v1/activity").then()
                .body("items.findAll { it.recordId == '" + id + "' }.action", contains("deleted", "created"));

        given().delete(notes + "/" + pinned).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://prmos.io/problems/still-referenced"));
        assertEquals(1, rows(module, "note", pinned));
    }

    private long rows(String schema, String table, String id) {
        return owner.preparedQuery("SELECT count(*) FROM " + SqlIdentifier.qualified(schema, table) + " WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private long historyRows(String schema, String id) {
        return owner.preparedQuery("SELECT count(*) FROM " + SqlIdentifier.qualified(schema, "_history") + " WHERE record_id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private void backdate(String schema, String table, String id, int days) {
        owner.preparedQuery("UPDATE " + SqlIdentifier.qualified(schema, table) + " SET deleted_at = now() - make_interval(days => $2)"
                + " WHERE id = $1").execute(Tuple.of(UUID.fromString(id), days)).await().atMost(Duration.ofSeconds(10));
    }
}
