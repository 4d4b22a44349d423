package io.prmos.engine.events;

import static io.prmos.engine.events.EventsApi.PARTNERS;
import static io.prmos.engine.events.EventsApi.create;
import static io.prmos.engine.events.EventsApi.map;
import static io.prmos.engine.events.EventsApi.prefix;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A record write sends no NOTIFY (its commit-time lock would serialise concurrent writes;
 * AppendStatementTest shows the statement has none); its commit wakes this instance's relay, and the
 * relay's stamp notifies the other instances (docs/adr/0096).
 * The relay here polls only every ten minutes, so a prompt delivery can only come from the wake.
 */
@QuarkusTest
@TestProfile(RelayWakeSpec.RarePolling.class)
class RelayWakeSpec {

    private static final Duration PROMPT = Duration.ofSeconds(5);

    public static class RarePolling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("prm.events.poll-interval", "PT10M");
        }
    }

    @Inject
    Pool pool;

    @Inject
    AgroalDataSource owner;

    @Test
    void aCommittedWriteIsStampedWithoutWaitingForThePoll() throws InterruptedException {
        create(PARTNERS, map("name", prefix() + "warm-up"));
        awaitStamped(create(PARTNERS, map("name", prefix() + "woken")));
    }

    @Test
    void anImportsEventsAreStampedWithoutWaitingForThePoll() throws InterruptedException {
        String name = prefix() + "imported";
        io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .body(map("rows", java.util.List.of(map("name", name)))).post(PARTNERS + "/import").then().statusCode(200);
        String id = io.restassured.RestAssured.given().queryParam("filter", "name eq '" + name + "'").get(PARTNERS).then()
                .statusCode(200).extract().path("items[0].id");
        awaitStamped(id);
    }

    @Test
    void theStampNotifiesTheOtherInstances() throws Exception {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("LISTEN " + OutboxStatements.CHANNEL);
            create(PARTNERS, map("name", prefix() + "notified"));
            PGNotification[] arrived = c.unwrap(PGConnection.class).getNotifications((int) PROMPT.toMillis());
            assertTrue(arrived != null && arrived.length > 0, "no notification on " + OutboxStatements.CHANNEL);
        }
    }

    private void awaitStamped(String recordId) throws InterruptedException {
        long deadline = System.nanoTime() + PROMPT.toNanos();
        while (!stamped(recordId)) {
            assertTrue(System.nanoTime() < deadline, "the event of " + recordId + " was not stamped within " + PROMPT);
            Thread.sleep(50);
        }
    }

    private boolean stamped(String id) {
        Row row = pool.preparedQuery("SELECT position FROM prm_kernel.event_outbox WHERE record_id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next();
        return row.getValue(0) != null;
    }
}
