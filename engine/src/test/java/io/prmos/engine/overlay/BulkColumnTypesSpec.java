package io.prmos.engine.overlay;

import static io.prmos.engine.overlay.Overlays.addField;
import static io.prmos.engine.overlay.Overlays.as;
import static io.prmos.engine.overlay.Overlays.installed;
import static io.prmos.engine.overlay.Overlays.items;
import static io.prmos.engine.overlay.Overlays.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bulk request's creates go to PostgreSQL as one INSERT fed by one array per column (docs/adr/0095).
 * For every field type, custom fields included, a record created in bulk reads back exactly as the
 * same record created alone — values at their limits, text that needs quoting in an array literal,
 * JSON of every shape, nulls — and the items come back in request order.
 */
@QuarkusTest
class BulkColumnTypesSpec {

    private static final String MODULE = "bct";
    private static final List<String> SYSTEM = List.of("id", "urn", "version", "created_at", "created_by", "updated_at", "updated_by");

    private static void install() {
        installed(MODULE, "apiVersion: prm/v1\n"
                + "module: " + MODULE + "\n"
                + "version: 1.0.0\n"
                + "roles:\n"
                + "  partner_manager: { label: Partner manager }\n"
                + "dictionaries:\n"
                + "  segment:\n"
                + "    extensible: true\n"
                + "    values: [{ code: smb, label: SMB }, { code: enterprise, label: Enterprise }, { code: public, label: Public }]\n"
                + "entities:\n"
                + "  Item:\n"
                + "    fields:\n"
                + "      name: { type: text, required: true, maxLength: 100, filterable: true, sortable: true }\n"
                + "      body: { type: longtext }\n"
                + "      count: { type: integer }\n"
                + "      big: { type: bigint }\n"
                + "      ratio: { type: decimal, precision: 9, scale: 3 }\n"
                + "      price: { type: money }\n"
                + "      flag: { type: boolean }\n"
                + "      day: { type: date }\n"
                + "      at: { type: datetime }\n"
                + "      meta: { type: json }\n"
                + "      ref: { type: uuid }\n"
                + "      mail: { type: email }\n"
                + "      site: { type: url }\n"
                + "      phone: { type: phone }\n"
                + "      segment: { type: dictionary, dictionary: segment }\n"
                + "      tags: { type: multidictionary, dictionary: segment }\n"
                + "      parent: { type: reference, to: Item }\n"
                + "permissions:\n"
                + "  partner_manager:\n"
                + "    Item: { read: all, create: true, update: all, delete: all, bulk: true }\n");
        addField("alice", MODULE + ".Item", "cf_score", map("type", "integer", "label", "Score"));
        addField("alice", MODULE + ".Item", "cf_note", map("type", "text", "label", "Note"));
    }

    @Test
    void everyFieldTypeReadsBackAsACreateAloneWritesIt() {
        install();
        String parent = as("alice").body(map("name", "parent")).post(items(MODULE)).then().statusCode(201).extract().path("id");
        List<Map<String, Object>> records = List.of(
                full("full", parent, map("a", List.of(1, "two", map("three", 3.5)), "b", null)),
                full("edge \"quoted\", {braced} \\ back\\slash ünïcode", null, List.of("x", map())),
                full("json string", null, "just \"text\""),
                full("json number", null, 12.5),
                map("name", "only a name"),
                map("name", "explicit nulls", "body", null, "count", null, "meta", null, "tags", List.of(), "cf_score", null));
        List<Map<String, Object>> ops = new ArrayList<>();
        records.forEach(record -> ops.add(map("op", "create", "data", record)));

        long rowByRow = io.prmos.engine.store.BulkWriter.rowByRowRuns();
        JsonPath bulk = as("alice").body(map("operations", ops)).post(items(MODULE) + "/bulk").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(records.stream().map(r -> r.get("name")).toList(), bulk.getList("items.name"), "items in request order");
        assertEquals(rowByRow, io.prmos.engine.store.BulkWriter.rowByRowRuns(), "every value fitted its column's array");

        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> alone = withoutSystem(as("alice").body(records.get(i)).post(items(MODULE)).then().statusCode(201)
                    .extract().jsonPath().getMap(""));
            Map<String, Object> inBulk = withoutSystem(bulk.getMap("items[" + i + "]"));
            assertEquals(alone, inBulk, "the bulk answer for " + records.get(i).get("name"));
            String id = bulk.getString("items[" + i + "].id");
            Map<String, Object> stored = withoutSystem(as("alice").get(items(MODULE) + "/" + id).then().statusCode(200)
                    .extract().jsonPath().getMap(""));
            assertEquals(alone, stored, "the stored record " + records.get(i).get("name"));
        }
    }

    private static Map<String, Object> full(String name, String parent, Object meta) {
        Map<String, Object> record = map("name", name, "body", "line one\nline two\ttabbed 'single' \"double\" {a,b} NULL",
                "count", 2147483647, "big", 9007199254740993L, "ratio", "123456.789", "price", map("amount", "-1234.5678", "currency", "EUR"),
                "flag", false, "day", "2024-02-29", "at", "2024-02-29T23:59:58.123456+05:30", "meta", meta,
                "ref", "0b9c7e4e-52a4-4e2e-9f43-1f0b6c7d8e9f", "mail", "someone@example.org", "site", "https://example.org/a?b=c,d",
                "phone", "+49 30 1234567", "segment", "enterprise", "tags", List.of("public", "smb"),
                "cf_score", -7, "cf_note", "custom \"quoted\" {x}");
        if (parent != null) {
            record.put("parent", parent);
        }
        return record;
    }

    private static Map<String, Object> withoutSystem(Map<String, Object> record) {
        Map<String, Object> out = new LinkedHashMap<>(record);
        SYSTEM.forEach(out::remove);
        return out;
    }
}
