package io.prmos.engine.registry;

import static io.prmos.engine.registry.Modules.ADMIN;
import static io.prmos.engine.registry.Modules.createItem;
import static io.prmos.engine.registry.Modules.installed;
import static io.prmos.engine.registry.Modules.items;
import static io.prmos.engine.registry.Modules.manifest;
import static io.prmos.engine.registry.Modules.map;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Indexes and generated columns follow the active version, rollbacks included, and long text never
 * makes a write fail (issue 11, item 6): no b-tree over text too long for an index entry, and search
 * vectors index a bounded beginning of each field.
 */
@QuarkusTest
class DerivedObjectsSpec {

    private static final String NAME = "name: { type: text, maxLength: 100 }";

    @Inject
    Pool pool;

    @Test
    void rollingBackDropsTheIndexesOfTheNewerVersion() {
        String notes = "notes: { type: longtext }";
        installed("shelf", manifest("shelf", "1.0.0", NAME + "\n" + notes, null));
        assertFalse(indexes("shelf", "item").stream().anyMatch(i -> i.contains("notes") || i.contains("name_key")));

        installed("shelf", manifest("shelf", "2.0.0", "name: { type: text, maxLength: 100, unique: true }\n"
                + "notes: { type: longtext, filterable: true }", null));
        List<String> newer = indexes("shelf", "item");
        assertTrue(newer.contains("item_name_key"), newer.toString());
        assertTrue(newer.contains("item_notes_hash"), "a filterable longtext gets a hash index, not a b-tree: " + newer);
        assertFalse(newer.contains("item_notes_idx"), newer.toString());

        String long10k = "x".repeat(10_240);
        String id = createItem("shelf", map("name", "Dup", "notes", long10k));
        given().queryParam("filter", "notes eq '" + "y".repeat(20) + "'").get(items("shelf")).then().statusCode(200).body("items", empty());
        given().get(items("shelf") + "/" + id).then().statusCode(200).body("notes", equalTo(long10k));

        given().post(ADMIN + "/shelf/rollback").then().statusCode(200).body("applied", equalTo(true))
                .body("modules[0].sql", hasItem(containsString("DROP INDEX IF EXISTS \"shelf\".\"item_notes_hash\"")));
        List<String> older = indexes("shelf", "item");
        assertFalse(older.contains("item_notes_hash"), "the newer version's index must go: " + older);
        assertFalse(older.contains("item_name_key"), "the newer version's uniqueness must go: " + older);
        createItem("shelf", map("name", "Dup", "notes", long10k));
    }

    @Test
    void aFilterableLongTextLeftWithABtreeByAnEarlierEngineIsRepaired() {
        installed("tally", manifest("tally", "1.0.0", NAME + "\nnotes: { type: longtext, filterable: true }", null));
        // what engines before this fix created for a filterable longtext
        pool.query("CREATE INDEX item_notes_idx ON tally.item (tenant_id, notes)").execute().await().atMost(Duration.ofSeconds(10));
        installed("tally", manifest("tally", "1.1.0", NAME + "\nnotes: { type: longtext, filterable: true }\nextra: { type: integer }", null));
        assertFalse(indexes("tally", "item").contains("item_notes_idx"), indexes("tally", "item").toString());
        createItem("tally", map("name", "Long", "notes", "z".repeat(12_000)));
    }

    @Test
    void longTextBeyondWhatAnIndexHoldsNeverFailsAWrite() {
        installed("vault", "apiVersion: prm/v1\nmodule: vault\nversion: 1.0.0\nroles: { partner_manager: {} }\n"
                + "entities:\n  Item:\n    fields:\n"
                + "      name: { type: text, maxLength: 100 }\n"
                + "      url: { type: url, unique: true, filterable: true, sortable: true }\n"
                + "      body: { type: text, maxLength: 20000, filterable: true, sortable: true }\n"
                + "      memo: { type: longtext, searchable: true, maxLength: 3000000 }\n"
                + "    indexes: [{ fields: [name, body] }]\n"
                + "    ui: { list: { sort: [body] } }\n"
                + "permissions:\n  partner_manager:\n    Item: { read: all, create: true, update: all, delete: all }\n");
        String url = "https://example.com/" + "p".repeat(2000);
        String id = createItem("vault", map("name", "Big", "url", url, "body", "b".repeat(15_000)));
        given().contentType(ContentType.JSON).body(map("name", "Big2", "url", url)).post(items("vault")).then().statusCode(409);
        given().get(items("vault") + "/" + id).then().statusCode(200).body("body", hasLength(15_000));
        given().queryParam("sort", "body").get(items("vault")).then().statusCode(200);

        // more than 1 MB of distinct words: PostgreSQL refuses such a tsvector, so only the beginning is indexed
        StringBuilder memo = new StringBuilder("zqlong").append(Long.toHexString(System.nanoTime())).append(' ');
        for (int i = 0; memo.length() < 1_300_000; i++) {
            memo.append('w').append(Integer.toString(i, 36)).append("q ");
        }
        String first = memo.substring(0, memo.indexOf(" "));
        String big = createItem("vault", map("name", "Huge", "memo", memo.toString()));
        given().queryParam("q", first).get("/api/v1/search").then().statusCode(200)
                .body("groups.find { it.type == 'vault.Item' }.items.id", contains(big));
    }

    /**
     * Each field fits a b-tree, but three text fields of 255 characters of 4-byte letters in one index
     * entry need 3,104 bytes: a declared index and the default sort over them failed every such write.
     */
    @Test
    void indexesOverSeveralTextFieldsNeverFailAWrite() {
        installed("triple", "apiVersion: prm/v1\nmodule: triple\nversion: 1.0.0\nroles: { partner_manager: {} }\n"
                + "entities:\n  Item:\n    fields:\n"
                + "      a: { type: text }\n      b: { type: text }\n      c: { type: text }\n"
                + "    indexes: [{ fields: [a, b, c], unique: true }]\n"
                + "    ui: { list: { sort: [a, b, c] } }\n"
                + "permissions:\n  partner_manager:\n    Item: { read: all, create: true, update: all, delete: all }\n");
        java.util.Random random = new java.util.Random(42);
        Map<String, Object> wide = map("a", letters(random), "b", letters(random), "c", letters(random));
        createItem("triple", wide);
        given().contentType(ContentType.JSON).body(wide).post(items("triple")).then().statusCode(409);
        given().get(items("triple")).then().statusCode(200).body("items", hasSize(1));
    }

    /** 255 letters from the supplementary planes (4 bytes each in UTF-8), at random so they do not compress. */
    private static String letters(java.util.Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 255; i++) {
            text.appendCodePoint(0x20000 + random.nextInt(40_000));
        }
        return text.toString();
    }

    /**
     * The worst case for a vector's size: distinct hyphenated words of 4-byte letters, which the
     * parser indexes whole and by their parts (about 8 bytes of lexemes per character). Two such
     * fields of 100,000 characters each made 1.5 MB of lexemes and every write a 500.
     */
    @Test
    void searchableFieldsOfWorstCaseTextNeverFailAWrite() {
        installed("wordy", manifest("wordy", "1.0.0", NAME + "\n"
                + "one: { type: longtext, searchable: true }\ntwo: { type: longtext, searchable: true }", null));
        String marker = "zqwide" + Long.toHexString(System.nanoTime());
        String id = createItem("wordy", map("name", "Wide", "one", marker + " " + hyphenated(0x20000), "two", hyphenated(0x24000)));
        given().queryParam("q", marker).get("/api/v1/search").then().statusCode(200)
                .body("groups.find { it.type == 'wordy.Item' }.items.id", contains(id));
    }

    /** About 110,000 characters: words of 8 letters from the supplementary planes, hyphenated, none repeated. */
    private static String hyphenated(int firstCodePoint) {
        String left = new String(Character.toChars(0x2A000)).repeat(7);
        String right = new String(Character.toChars(0x2A001)).repeat(7);
        StringBuilder text = new StringBuilder();
        for (int word = 0, characters = 0; characters < 110_000; word++, characters += 18) {
            text.appendCodePoint(firstCodePoint + word).append(left).append('-')
                    .appendCodePoint(firstCodePoint + 0x2000 + word).append(right).append(' ');
        }
        return text.toString();
    }

    private List<String> indexes(String schema, String table) {
        List<String> out = new ArrayList<>();
        for (Row row : pool.preparedQuery("SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY 1")
                .execute(Tuple.of(schema, table)).await().atMost(Duration.ofSeconds(10))) {
            out.add(row.getString(0));
        }
        return out;
    }
}
