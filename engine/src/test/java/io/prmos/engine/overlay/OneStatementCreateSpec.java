package io.prmos.engine.overlay;

import static io.prmos.engine.overlay.Overlays.as;
import static io.prmos.engine.overlay.Overlays.installed;
import static io.prmos.engine.overlay.Overlays.items;
import static io.prmos.engine.overlay.Overlays.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prmos.engine.store.StatementCounter;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A create that needs no transaction is one statement with its history, activity and outbox rows
 * (docs/adr/0102). The tests run with {@code prm.writes.check-created-images}: every such create compares the
 * image its rows were written from with the row read back and fails on any difference, so every spec that
 * creates records checks it too. Here: values at the edges of every type the image knows, their history and
 * event, a create that must take the transaction path, and a refused create that leaves nothing behind.
 */
@QuarkusTest
class OneStatementCreateSpec {

    private static final String MODULE = "osc";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    private static void install() {
        installed(MODULE, "apiVersion: prm/v1\n"
                + "module: " + MODULE + "\n"
                + "version: 1.0.0\n"
                + "roles:\n"
                + "  partner_manager: { label: Partner manager }\n"
                + "dictionaries:\n"
                + "  segment:\n"
                + "    values: [{ code: smb, label: SMB }, { code: enterprise, label: Enterprise }]\n"
                + "entities:\n"
                + "  Item:\n"
                + "    label: Item\n"
                + "    features: { audit: true, activity: true }\n"
                + "    fields:\n"
                + "      name: { type: text, required: true, maxLength: 100 }\n"
                + "      body: { type: longtext }\n"
                + "      count: { type: integer }\n"
                + "      big: { type: bigint }\n"
                + "      ratio: { type: decimal, precision: 9, scale: 3 }\n"
                + "      price: { type: money }\n"
                + "      flag: { type: boolean }\n"
                + "      day: { type: date }\n"
                + "      at: { type: datetime }\n"
                + "      ref: { type: uuid }\n"
                + "      mail: { type: email }\n"
                + "      segment: { type: dictionary, dictionary: segment }\n"
                + "      tags: { type: multidictionary, dictionary: segment }\n"
                + "      parent: { type: reference, to: Item }\n"
                + "permissions:\n"
                + "  partner_manager:\n"
                + "    Item: { read: all, create: true, update: all, delete: all }\n");
    }

    @Test
    void valuesAtTheirEdgesAreWrittenWithTheirHistoryAndEventInOneStatement() throws Exception {
        install();
        String parent = as("alice").body(map("name", "parent")).post(items(MODULE)).then().statusCode(201).extract().path("id");
        List<Map<String, Object>> records = List.of(
                map("name", "ünïcode \"quoted\" {braced} \\ back\\slash", "body", "line one\nline two\t'single' NULL",
                        "count", -2147483648, "big", 9007199254740993L, "ratio", "0.5", "price", map("amount", "1000", "currency", "EUR"),
                        "flag", false, "day", "2024-02-29", "ref", "0b9c7e4e-52a4-4e2e-9f43-1f0b6c7d8e9f",
                        "mail", "someone@example.org", "segment", "enterprise", "tags", List.of("smb", "enterprise"), "parent", parent),
                map("name", "scales", "ratio", "-123456.789", "price", map("amount", "-0.0100", "currency", "USD"), "count", 0),
                map("name", "whole ratio", "ratio", 42, "price", map("amount", 1e3, "currency", "GBP"), "tags", List.of()),
                map("name", "only a name"));
        for (Map<String, Object> record : records) {
            long before = StatementCounter.count();
            JsonNode created = JSON.readTree(as("alice").body(record).post(items(MODULE)).then().statusCode(201).extract().asString());
            assertEquals(1, StatementCounter.count() - before, "one statement (the tenant setting is not counted) for " + record.get("name"));
            String id = created.get("id").asText();
            JsonNode changes = JSON.readTree(one("SELECT changes::text FROM " + MODULE + "._history WHERE record_id = $1", id));
            changes.fieldNames().forEachRemaining(field -> assertEquals(created.get(field), changes.get(field).get("new"),
                    "history of " + field + " in " + record.get("name")));
            assertEquals(record.size(), changes.size(), "one history entry per given field of " + record.get("name"));
            JsonNode event = JSON.readTree(one("SELECT data::text FROM prm_kernel.event_outbox WHERE record_id = $1", id));
            assertEquals(changes, event.get("changes"), "the event carries the history's changes");
            assertEquals(1, event.get("version").asInt());
            assertEquals("created", one("SELECT action FROM prm_kernel.activity WHERE record_id = $1::text::uuid", id));
        }
    }

    @Test
    void aCreateWithAValueWhoseStoredFormIsNotKnownTakesTheTransaction() {
        install();
        long before = StatementCounter.count();
        as("alice").body(map("name", "with a date-time", "at", "2024-02-29T23:59:58.123456+05:30")).post(items(MODULE))
                .then().statusCode(201);
        assertTrue(StatementCounter.count() - before > 2, "BEGIN, setting, INSERT, appends, COMMIT");
    }

    @Test
    void aRefusedCreateLeavesNoRecordHistoryOrEvent() {
        install();
        String name = "dangling " + UUID.randomUUID();
        as("alice").body(map("name", name, "parent", UUID.randomUUID().toString())).post(items(MODULE))
                .then().statusCode(422);
        Supplier<String> count = () -> one("SELECT (SELECT count(*) FROM " + MODULE + ".item WHERE name = $1)"
                + " + (SELECT count(*) FROM prm_kernel.event_outbox WHERE data::text LIKE '%' || $1 || '%')"
                + " + (SELECT count(*) FROM " + MODULE + "._history WHERE changes::text LIKE '%' || $1 || '%')", name);
        assertEquals("0", count.get());
    }

    private String one(String sql, String value) {
        Object parameter = sql.contains("record_id = $1") && !sql.contains("::text::uuid") ? UUID.fromString(value) : value;
        var rows = pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10));
        assertEquals(1, rows.size(), sql);
        Object result = rows.iterator().next().getValue(0);
        return result == null ? null : result.toString();
    }
}
