package io.prmos.engine.registry;

import static io.prmos.engine.registry.Modules.ADMIN;
import static io.prmos.engine.registry.Modules.columns;
import static io.prmos.engine.registry.Modules.createItem;
import static io.prmos.engine.registry.Modules.installed;
import static io.prmos.engine.registry.Modules.items;
import static io.prmos.engine.registry.Modules.manifest;
import static io.prmos.engine.registry.Modules.map;
import static io.prmos.engine.registry.Modules.publish;
import static io.prmos.engine.registry.Modules.tableExists;
import static io.prmos.engine.registry.Modules.textColumn;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Publishing through the admin API: a new module is served at once, a dry run changes nothing,
 * the version rules refuse what they must (naming the version or the field), accepted breaking
 * changes keep the data, and the registry remembers every version's exact text. Each test owns
 * its module, so the tests do not depend on each other's order.
 */
@QuarkusTest
class PublishSpec {

    private static final String NAME = "name: { type: text, label: Name, required: true, maxLength: 100 }";

    @Inject
    Pool pool;

    @Test
    void aNewModuleIsServedAtOnceAndListed() {
        publish("inventory", manifest("inventory", "1.0.0", NAME + "\nsku: { type: text, maxLength: 40 }", null), false)
                .then().statusCode(200)
                .body("dryRun", equalTo(false))
                .body("applied", equalTo(true))
                .body("modules[0].module", equalTo("inventory"))
                .body("modules[0].from", nullValue())
                .body("modules[0].to", equalTo("1.0.0"))
                .body("modules[0].classification", equalTo("additive"))
                .body("modules[0].changes.kind", hasItem("ENTITY_ADDED"))
                .body("modules[0].sql", hasItem(containsString("CREATE TABLE")));

        String id = given().contentType(ContentType.JSON).body(map("name", "Bolt M8", "sku", "B-8")).post(items("inventory"))
                .then().statusCode(201).body("name", equalTo("Bolt M8")).extract().path("id");
        given().get(items("inventory") + "/" + id).then().statusCode(200)
                .body("name", equalTo("Bolt M8")).body("sku", equalTo("B-8"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/inventory/item"));
        given().get(ADMIN).then().statusCode(200)
                .body("items.find { it.module == 'inventory' }.version", equalTo("1.0.0"))
                .body("items.find { it.module == 'inventory' }.status", equalTo("active"))
                .body("items.find { it.module == 'inventory' }.file", equalTo("inventory/module.yaml"))
                .body("items.module", hasItems("organizations", "partners", "inventory"));
    }

    @Test
    void aDryRunReturnsThePlanAndChangesNothing() {
        publish("warehouse", manifest("warehouse", "1.0.0", NAME, null), true)
                .then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("applied", equalTo(false))
                .body("modules[0].module", equalTo("warehouse"))
                .body("modules[0].to", equalTo("1.0.0"))
                .body("modules[0].sql", hasItem(allOf(containsString("CREATE TABLE"), containsString("warehouse"))));

        given().get(items("warehouse")).then().statusCode(404);
        given().get(ADMIN).then().statusCode(200).body("items.module", not(hasItem("warehouse")));
        given().get(ADMIN + "/warehouse/history").then().statusCode(404);
        assertFalse(tableExists(pool, "warehouse", "item"), "a dry run must not create the table");
    }

    @Test
    void anAdditiveMinorReleaseServesTheNewFieldAndKeepsOldRecords() {
        installed("catalog", manifest("catalog", "1.0.0", NAME, null));
        String old = createItem("catalog", map("name", "Before"));

        publish("catalog", manifest("catalog", "1.1.0", NAME + "\ncolour: { type: text, maxLength: 20 }", null), false)
                .then().statusCode(200)
                .body("modules[0].from", equalTo("1.0.0"))
                .body("modules[0].to", equalTo("1.1.0"))
                .body("modules[0].classification", equalTo("additive"))
                .body("modules[0].changes.find { it.kind == 'FIELD_ADDED' }.target", equalTo("Item.colour"))
                .body("modules[0].changes.find { it.kind == 'FIELD_ADDED' }.classification", equalTo("ADDITIVE"));

        given().get(items("catalog") + "/" + old).then().statusCode(200)
                .body("name", equalTo("Before")).body("colour", nullValue());
        String fresh = createItem("catalog", map("name", "After", "colour", "teal"));
        given().get(items("catalog") + "/" + fresh).then().statusCode(200).body("colour", equalTo("teal"));
        given().contentType(ContentType.JSON).body(map("colour", "red")).header("If-Match", "\"1\"")
                .patch(items("catalog") + "/" + old).then().statusCode(200).body("name", equalTo("Before")).body("colour", equalTo("red"));
    }

    @Test
    void theSameVersionWithADifferentManifestIsRefused() {
        installed("ledger", manifest("ledger", "1.0.0", NAME, null));

        publish("ledger", manifest("ledger", "1.0.0", NAME + "\nmemo: { type: text, maxLength: 20 }", null), false)
                .then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", endsWith("/breaking-change"))
                .body("errors.message", hasItem(allOf(containsString("version 1.0.0"), containsString("not greater"))));
        given().get(ADMIN + "/ledger/history").then().statusCode(200).body("items", hasSize(1));
        assertEquals(List.of("id", "tenant_id", "version", "created_at", "created_by", "updated_at", "updated_by", "deleted_at", "name"),
                columns(pool, "ledger", "item"));
    }

    @Test
    void aSchemaChangeInAPatchReleaseIsRefused() {
        installed("shipping", manifest("shipping", "1.0.0", NAME, null));

        publish("shipping", manifest("shipping", "1.0.1", NAME + "\nweight: { type: integer }", null), false)
                .then().statusCode(409)
                .body("type", endsWith("/breaking-change"))
                .body("errors.message", hasItem(allOf(containsString("patch release"), containsString("1.1.0"))));
        given().get(ADMIN).then().body("items.find { it.module == 'shipping' }.version", equalTo("1.0.0"));
        assertFalse(columns(pool, "shipping", "item").contains("weight"));
    }

    @Test
    void removingAFieldNeedsAMajorVersionAndADropAndThenArchivesTheData() {
        String fields = NAME + "\nlegacy_code: { type: text, maxLength: 40 }";
        installed("stock", manifest("stock", "1.0.0", fields, null));
        String id = createItem("stock", map("name", "Crate", "legacy_code", "LC-0042"));

        publish("stock", manifest("stock", "1.1.0", NAME, null), false).then().statusCode(409)
                .body("type", endsWith("/breaking-change"))
                .body("errors.message", hasItem(containsString("Item.legacy_code")))
                .body("errors.message", hasItem(containsString("major version")));
        publish("stock", manifest("stock", "2.0.0", NAME, null), false).then().statusCode(409)
                .body("errors.message", hasItem(allOf(containsString("Item.legacy_code"), containsString("allowDataLoss"))));
        given().get(items("stock") + "/" + id).then().statusCode(200).body("legacy_code", equalTo("LC-0042"));

        String drop = "migrations:\n  - drop: { entity: Item, field: legacy_code, allowDataLoss: true }";
        publish("stock", manifest("stock", "2.0.0", NAME, drop), false).then().statusCode(200)
                .body("modules[0].classification", equalTo("breaking"))
                .body("modules[0].changes.find { it.kind == 'FIELD_REMOVED' }.target", equalTo("Item.legacy_code"))
                .body("modules[0].changes.find { it.kind == 'FIELD_REMOVED' }.acknowledged", equalTo(true));

        given().get(items("stock") + "/" + id).then().statusCode(200)
                .body("name", equalTo("Crate"))
                .body("$", not(hasKey("legacy_code")));
        List<String> columns = columns(pool, "stock", "item");
        assertFalse(columns.contains("legacy_code"), columns.toString());
        assertEquals("LC-0042", textColumn(pool, "stock", "item", "_removed_legacy_code_v2_0_0", id));
        given().contentType(ContentType.JSON).body(map("name", "Box", "legacy_code", "LC-1")).post(items("stock"))
                .then().statusCode(422);
    }

    @Test
    void aRenameInAMajorReleaseKeepsTheValuesUnderTheNewName() {
        installed("supplier", manifest("supplier", "1.0.0", NAME + "\ncode: { type: text, maxLength: 40 }", null));
        String id = createItem("supplier", map("name", "Acme", "code", "S-001"));

        publish("supplier", manifest("supplier", "2.0.0", NAME + "\nreference: { type: text, maxLength: 40, renamedFrom: code }", null), false)
                .then().statusCode(200)
                .body("modules[0].changes.find { it.kind == 'FIELD_RENAMED' }.target", containsString("reference"));

        given().get(items("supplier") + "/" + id).then().statusCode(200)
                .body("reference", equalTo("S-001"))
                .body("$", not(hasKey("code")));
        List<String> columns = columns(pool, "supplier", "item");
        assertTrue(columns.contains("reference") && !columns.contains("code"), columns.toString());
    }

    @Test
    void anInvalidManifestIsAnsweredWithFileLineAndPointer() {
        String source = manifest("broken", "1.0.0", NAME + "\nweight: { type: kilograms }", null);
        int line = 1 + (int) source.substring(0, source.indexOf("weight:")).chars().filter(c -> c == '\n').count();

        publish("broken", source, false).then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("type", endsWith("/invalid-manifest"))
                .body("errors", not(empty()))
                .body("errors[0].file", equalTo("broken/module.yaml"))
                .body("errors[0].line", equalTo(line))
                .body("errors[0].pointer", startsWith("/entities/Item/fields/weight"))
                .body("errors[0].message", not(emptyOrNullString()));
        given().get(ADMIN).then().body("items.module", not(hasItem("broken")));
    }

    @Test
    void requiringAModuleThatIsNotInstalledIsInvalid() {
        String source = manifest("orphan", "1.0.0", NAME, "requires:\n  nowhere: \"^1.0\"");

        publish("orphan", source, false).then().statusCode(422)
                .body("type", endsWith("/invalid-manifest"))
                .body("errors.message", hasItem(containsString("nowhere")));
        given().get(items("orphan")).then().statusCode(404);
    }

    @Test
    void historyListsEveryVersionNewestFirstWithItsStatus() {
        installed("archive", manifest("archive", "1.0.0", NAME, null));
        installed("archive", manifest("archive", "1.1.0", NAME + "\nshelf: { type: text, maxLength: 10 }", null));
        installed("archive", manifest("archive", "1.2.0", NAME + "\nshelf: { type: text, maxLength: 10 }\nbox: { type: integer }", null));

        given().get(ADMIN + "/archive/history").then().statusCode(200)
                .body("items.version", contains("1.2.0", "1.1.0", "1.0.0"))
                .body("items.status", contains("active", "superseded", "superseded"))
                .body("items.installedBy", everyItem(not(emptyOrNullString())))
                .body("items.checksum", everyItem(matchesPattern("[0-9a-f]{64}")));
        given().get(ADMIN + "/nothing-like-this/history").then().statusCode(404);
    }

    @Test
    void theManifestIsReturnedByteForByte() {
        String first = "# Réserve — a module with comments, odd spacing and non-ASCII text\n"
                + manifest("reserve", "1.0.0", NAME + "\nnote:   { type: text,    maxLength: 50 }   # trailing comment", null)
                .replace("title: reserve test module", "title: \"Réserve ✓\"") + "\n\n# the end   \n";
        String second = manifest("reserve", "1.1.0", NAME + "\nnote: { type: text, maxLength: 80 }", null);
        installed("reserve", first);

        byte[] served = given().accept("application/yaml").get(ADMIN + "/reserve/manifest").then().statusCode(200)
                .header("X-Prm-Module-Version", "1.0.0").extract().asByteArray();
        assertArrayEquals(first.getBytes(StandardCharsets.UTF_8), served);

        installed("reserve", second);
        assertArrayEquals(second.getBytes(StandardCharsets.UTF_8),
                given().accept("application/yaml").get(ADMIN + "/reserve/manifest").then().statusCode(200).extract().asByteArray());
        assertArrayEquals(first.getBytes(StandardCharsets.UTF_8),
                given().accept("application/yaml").get(ADMIN + "/reserve/manifest?version=1.0.0").then().statusCode(200)
                        .header("X-Prm-Module-Version", "1.0.0").extract().asByteArray());
        given().get(ADMIN + "/reserve/manifest?version=9.9.9").then().statusCode(404);
    }

    @Test
    void onlyAdminsMayPublishOrReadTheRegistry() {
        String source = manifest("forbidden", "1.0.0", NAME, null);
        given().header("Authorization", Tokens.bearer("bob")).contentType(ContentType.JSON)
                .body(Modules.body("forbidden/module.yaml", source)).post(ADMIN + "?dryRun=false").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("bob")).get(ADMIN).then().statusCode(403);
        given().header("Authorization", Tokens.bearer("bob")).get(ADMIN + "/partners/history").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("bob")).get(ADMIN + "/partners/manifest").then().statusCode(403);
        given().header("Authorization", Tokens.bearer("bob")).post(ADMIN + "/partners/rollback").then().statusCode(403);
        given().get(items("forbidden")).then().statusCode(404);
        given().get(ADMIN).then().statusCode(200).body("items.module", not(hasItem("forbidden")));
    }
}
