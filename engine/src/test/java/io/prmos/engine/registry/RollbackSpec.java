package io.prmos.engine.registry;

import static io.prmos.engine.registry.Modules.ADMIN;
import static io.prmos.engine.registry.Modules.columns;
import static io.prmos.engine.registry.Modules.createItem;
import static io.prmos.engine.registry.Modules.installed;
import static io.prmos.engine.registry.Modules.isNullable;
import static io.prmos.engine.registry.Modules.items;
import static io.prmos.engine.registry.Modules.manifest;
import static io.prmos.engine.registry.Modules.map;
import static io.prmos.engine.registry.Modules.textColumn;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Rolling a module back to the version before the current one: the older catalog serves again,
 * columns the newer version made required are relaxed so the older API can write rows, and data
 * written under the newer version stays in the database.
 */
@QuarkusTest
class RollbackSpec {

    private static final String NAME = "name: { type: text, label: Name, required: true, maxLength: 100 }";
    private static final String PRIORITY = "priority: { type: integer, required: true, default: 3 }";

    @Inject
    Pool pool;

    @Test
    void rollingBackARequiredFieldRelaxesItsColumnAndKeepsTheData() {
        String v1 = manifest("tariff", "1.0.0", NAME, null);
        installed("tariff", v1);
        String early = createItem("tariff", map("name", "Early"));
        installed("tariff", manifest("tariff", "1.1.0", NAME + "\n" + PRIORITY, null));
        given().get(items("tariff") + "/" + early).then().statusCode(200).body("priority", equalTo(3));
        String late = createItem("tariff", map("name", "Late", "priority", 7));
        assertEquals("NO", isNullable(pool, "tariff", "item", "priority"));

        given().post(ADMIN + "/tariff/rollback?dryRun=true").then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("modules[0].from", equalTo("1.1.0"))
                .body("modules[0].to", equalTo("1.0.0"))
                .body("modules[0].sql", hasItem(allOf(containsString("DROP NOT NULL"), containsString("priority"))));
        assertEquals("NO", isNullable(pool, "tariff", "item", "priority"), "a dry run changes nothing");
        given().get(ADMIN).then().body("items.find { it.module == 'tariff' }.version", equalTo("1.1.0"));

        given().post(ADMIN + "/tariff/rollback").then().statusCode(200)
                .body("applied", equalTo(true))
                .body("modules[0].from", equalTo("1.1.0"))
                .body("modules[0].to", equalTo("1.0.0"));

        given().get(ADMIN).then().statusCode(200).body("items.find { it.module == 'tariff' }.version", equalTo("1.0.0"));
        given().get(ADMIN + "/tariff/history").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.find { it.version == '1.1.0' }.status", equalTo("rolled_back"))
                .body("items.find { it.version == '1.0.0' }.status", equalTo("active"));
        assertArrayEquals(v1.getBytes(StandardCharsets.UTF_8),
                given().accept("application/yaml").get(ADMIN + "/tariff/manifest").then().statusCode(200)
                        .header("X-Prm-Module-Version", "1.0.0").extract().asByteArray());

        assertEquals("YES", isNullable(pool, "tariff", "item", "priority"), "the column 1.1.0 made required is relaxed");
        String after = createItem("tariff", map("name", "After rollback"));
        given().get(items("tariff") + "/" + after).then().statusCode(200)
                .body("name", equalTo("After rollback")).body("$", not(hasKey("priority")));
        given().get(items("tariff") + "/" + late).then().statusCode(200)
                .body("name", equalTo("Late")).body("$", not(hasKey("priority")));
        assertEquals("7", textColumn(pool, "tariff", "item", "priority", late), "data written under 1.1.0 stays");
        assertTrue(columns(pool, "tariff", "item").contains("priority"), "a rollback drops nothing");
    }

    @Test
    void rollingBackWithoutAnEarlierVersionIsRefused() {
        installed("solo", manifest("solo", "1.0.0", NAME, null));

        given().post(ADMIN + "/solo/rollback").then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", endsWith("/breaking-change"))
                .body("errors.message", hasItem(containsString("no earlier version")));
        given().get(ADMIN + "/solo/history").then().body("items.status", contains("active"));
        given().post(ADMIN + "/never-published/rollback").then().statusCode(404);
    }
}
