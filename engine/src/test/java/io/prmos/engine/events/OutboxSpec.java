package io.prmos.engine.events;

import static io.prmos.engine.events.EventsApi.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every record write leaves its domain event in the outbox, in the same transaction. */
@QuarkusTest
class OutboxSpec {

    @Inject
    Pool pool;

    @Test
    void eachWriteWritesOneEventWithUrnSequenceAndChangedFields() {
        String p = prefix();
        String id = create(PARTNERS, map("name", p + "Acme", "tier", "silver", "score", 10));
        json().body(map("tier", "gold")).patch(PARTNERS + "/" + id).then().statusCode(200);
        given().delete(PARTNERS + "/" + id).then().statusCode(204);
        given().post(PARTNERS + "/" + id + "/restore").then().statusCode(200);

        List<Row> events = outboxOf(pool, id);
        assertEquals(List.of("partners.PartnerCreated", "partners.PartnerUpdated", "partners.PartnerDeleted", "partners.PartnerRestored"),
                events.stream().map(r -> r.getString("type")).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L), events.stream().map(r -> r.getLong("sequence")).toList());
        Row updated = events.get(1);
        assertEquals("urn:prm:partners:partner:" + id, updated.getString("subject"));
        assertEquals("acme", updated.getString("tenant_id"));
        JsonObject changes = ((JsonObject) updated.getValue("data")).getJsonObject("changes");
        assertEquals(java.util.Set.of("tier"), changes.fieldNames());
        assertEquals("silver", changes.getJsonObject("tier").getString("old"));
        assertEquals("gold", changes.getJsonObject("tier").getString("new"));
        assertEquals(p + "Acme", ((JsonObject) events.get(0).getValue("data")).getJsonObject("changes")
                .getJsonObject("name").getString("new"));
    }

    @Test
    void aRolledBackWriteLeavesNoEvent() {
        String p = prefix();
        json().body(map("name", p + FailingAfterOutboxObserver.MARKER)).post(PARTNERS).then().statusCode(500);
        assertEquals(0, outboxCount(pool, p));
    }

    @Test
    void aFailedBulkBatchLeavesNoEventOfItsEarlierItems() {
        String p = prefix();
        json().body(map("operations", List.of(
                        map("op", "create", "data", map("name", p + "first")),
                        map("op", "create", "data", map("name", p + "second")),
                        map("op", "create", "data", map("name", p + FailingAfterOutboxObserver.MARKER)))))
                .post(PARTNERS + "/bulk").then().statusCode(500);
        assertEquals(0, outboxCount(pool, p));
        json().body(map("operations", List.of(map("op", "create", "data", map("name", p + "third")))))
                .post(PARTNERS + "/bulk").then().statusCode(200);
        assertEquals(1, outboxCount(pool, p));
    }
}
