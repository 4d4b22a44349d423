package io.prmos.engine.registry;

import static io.prmos.engine.registry.Modules.ADMIN;
import static io.prmos.engine.registry.Modules.installed;
import static io.prmos.engine.registry.Modules.map;
import static io.prmos.engine.registry.Modules.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Manifests the validator accepts publish, and those beyond PostgreSQL's limits are refused with
 * their location instead of a 500 (issue 11, item 7; docs/adr/0083). Before: a 63-character entity
 * name failed because {@code <table>_pkey}, cut by PostgreSQL to 63 bytes, became the table's own
 * name; an entity with 5,000 fields reached CREATE TABLE and failed there.
 */
@QuarkusTest
class StorageLimitsSpec {

    private static final String ENTITY = "E" + "x".repeat(62);
    private static final String TABLE = "e" + "x".repeat(62);
    private static final String FIELD = "f".repeat(60);

    @Inject
    Pool pool;

    @Test
    void anEntityWithASixtyThreeCharacterNamePublishesAndEvolves() {
        String v1 = longNamed("1.0.0", "      " + FIELD + ": { type: text, maxLength: 40, unique: true }\n"
                + "      parent: { type: reference, to: " + ENTITY + ", filterable: true }\n", "");
        installed("longnm", v1);
        String path = "/api/v1/longnm/" + TABLE;
        String id = given().contentType(ContentType.JSON).body(map("name", "First", FIELD, "A-1")).post(path)
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(map("name", "Child", FIELD, "A-2", "parent", id)).post(path).then().statusCode(201);
        given().contentType(ContentType.JSON).body(map("name", "Dup", FIELD, "A-1")).post(path).then().statusCode(409);

        String v2 = longNamed("2.0.0", "", "migrations:\n  - drop: { entity: " + ENTITY + ", field: " + FIELD + ", allowDataLoss: true }\n"
                + "  - drop: { entity: " + ENTITY + ", field: parent, allowDataLoss: true }\n");
        installed("longnm", v2);
        given().get(path + "/" + id).then().statusCode(200).body("name", equalTo("First")).body("$", not(hasKey(FIELD)));

        // without shortening PostgreSQL cut <table>_pkey to the table's own name and the table could not be created
        List<String> names = derivedNames("longnm");
        assertTrue(names.stream().anyMatch(n -> n.startsWith("exxx") && n.endsWith("_pkey")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("exxx") && n.endsWith("_tenant_id_id_key")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("_removed_ffff") && n.endsWith("_v2_0_0")),
                "the removed field is archived under a name that keeps its version: " + names);
    }

    @Test
    void anEntityBeyondTheColumnsOfATableIsRefusedWithItsLocation() {
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            fields.append("f").append(i).append(": { type: text }\n");
        }
        publish("widetab", Modules.manifest("widetab", "1.0.0", fields.toString(), null), false).then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("type", endsWith("/invalid-manifest"))
                .body("errors[0].file", equalTo("widetab/module.yaml"))
                .body("errors[0].line", equalTo(10))
                .body("errors[0].pointer", equalTo("/entities/Item/fields"))
                .body("errors[0].message", containsString("5000 columns"));
        given().get(ADMIN).then().body("items.module", not(hasItem("widetab")));
    }

    private static String longNamed(String version, String fields, String tail) {
        return "apiVersion: prm/v1\nmodule: longnm\nversion: " + version + "\nroles: { partner_manager: {} }\n"
                + "entities:\n  " + ENTITY + ":\n    fields:\n      name: { type: text, maxLength: 100 }\n" + fields
                + "permissions:\n  partner_manager:\n    " + ENTITY + ": { read: all, create: true, update: all, delete: all }\n" + tail;
    }

    /** Names of the schema's relations (tables, indexes), constraints and columns. */
    private List<String> derivedNames(String schema) {
        List<String> out = new ArrayList<>();
        String sql = "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1"
                + " UNION ALL SELECT con.conname FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace WHERE n.nspname = $1"
                + " UNION ALL SELECT a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped";
        for (Row row : pool.preparedQuery(sql).execute(Tuple.of(schema)).await().atMost(Duration.ofSeconds(10))) {
            out.add(row.getString(0));
        }
        return out;
    }
}
