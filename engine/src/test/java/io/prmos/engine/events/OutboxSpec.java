package io.prmos.engine.events;

import static io.prmos.engine.events.EventsApi.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
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

    /**
     * Written events add nothing to the position indexes, which hold stamped events only (V151,
     * docs/adr/0099); every read by position can still use them, as its condition implies a position.
     */
    @Test
    void readsByPositionUseTheIndexesOfStampedEventsOnly() {
        create(PARTNERS, map("name", prefix() + "Indexed"));
        assertTrue(plan(OutboxStatements.AFTER, Tuple.of(0L, 10)).contains("event_outbox_stamped_position_idx"));
        assertTrue(plan(OutboxStatements.AFTER_FOR_TENANT, Tuple.of("acme", 0L, 10)).contains("event_outbox_stamped_tenant_position_idx"));
        assertTrue(plan(OutboxStatements.LAST_POSITION, Tuple.tuple()).contains("event_outbox_stamped_position_idx"));
        assertTrue(plan(io.prmos.engine.store.kernel.RunRows.TENANTS, Tuple.tuple()).contains("event_outbox_stamped_tenant_position_idx"),
                "the schedules' tenants (ADR 0124)");
        List<String> definitions = pool.query("SELECT indexdef FROM pg_indexes WHERE schemaname = 'prm_kernel' AND tablename = 'event_outbox'")
                .execute().await().atMost(Duration.ofSeconds(10)).stream().map(r -> r.getString(0))
                .filter(d -> d.substring(d.indexOf('('), d.indexOf(')')).contains("position")).toList();
        assertEquals(2, definitions.size(), definitions.toString());
        assertTrue(definitions.stream().allMatch(d -> d.endsWith("WHERE (\"position\" IS NOT NULL)")), definitions.toString());
    }

    /** The plan of a statement as the relay runs it, sequential scans ruled out so that only an unusable index shows. */
    private String plan(String sql, Tuple params) {
        return pool.withTransaction(c -> c.query("SET LOCAL enable_seqscan = off").execute()
                        .flatMap(x -> c.preparedQuery("EXPLAIN " + sql).execute(params)))
                .await().atMost(Duration.ofSeconds(10)).stream().map(r -> r.getString(0)).reduce("", (a, b) -> a + "\n" + b);
    }

    @org.junit.jupiter.api.BeforeEach
    void armTheFailingObserver() {
        FailingAfterOutboxObserver.ARMED.set(true);
    }

    @org.junit.jupiter.api.AfterEach
    void disarmTheFailingObserver() {
        FailingAfterOutboxObserver.ARMED.set(false);
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
