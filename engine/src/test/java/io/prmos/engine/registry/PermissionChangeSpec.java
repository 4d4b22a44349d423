package io.prmos.engine.registry;

import static io.prmos.engine.registry.Modules.createItem;
import static io.prmos.engine.registry.Modules.installed;
import static io.prmos.engine.registry.Modules.items;
import static io.prmos.engine.registry.Modules.map;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Permission decisions are compiled once per catalog and role set (docs/adr/0086). A publish that
 * changes a permission set must be obeyed by the very next request, however often the old decision
 * was used before: fields hidden, rows narrowed, access withdrawn.
 */
@QuarkusTest
class PermissionChangeSpec {

    private static final String MODULE = "permchange";

    private static String manifest(String version, String salesRepGrant) {
        return "apiVersion: prm/v1\n"
                + "module: " + MODULE + "\n"
                + "version: " + version + "\n"
                + "title: permission change test module\n"
                + "roles:\n"
                + "  partner_manager: { label: Partner manager }\n"
                + "  sales_rep: { label: Sales rep }\n"
                + "entities:\n"
                + "  Item:\n"
                + "    label: Item\n"
                + "    fields:\n"
                + "      name: { type: text, label: Name, required: true, maxLength: 100 }\n"
                + "      secret: { type: text, label: Secret, maxLength: 100, filterable: true }\n"
                + "permissions:\n"
                + "  partner_manager:\n"
                + "    Item: { read: all, create: true, update: all, delete: all, restore: all }\n"
                + (salesRepGrant == null ? "" : "  sales_rep:\n    Item: " + salesRepGrant + "\n");
    }

    private static io.restassured.specification.RequestSpecification asBob() {
        return given().header("Authorization", Tokens.bearer("bob"));
    }

    @Test
    void aPublishedPermissionChangeIsObeyedByTheNextRequest() {
        installed(MODULE, manifest("1.0.0", "{ read: all }"));
        String id = createItem(MODULE, map("name", "Widget", "secret", "s3cret"));
        for (int i = 0; i < 3; i++) {
            asBob().get(items(MODULE) + "/" + id).then().statusCode(200).body("secret", equalTo("s3cret"));
            asBob().queryParam("filter", "secret eq 's3cret'").get(items(MODULE)).then().statusCode(200)
                    .body("items", hasSize(1));
        }

        installed(MODULE, manifest("1.1.0", "{ read: all, fields: { secret: hidden } }"));
        asBob().get(items(MODULE) + "/" + id).then().statusCode(200).body("name", equalTo("Widget"))
                .body("$", not(hasKey("secret")));
        asBob().queryParam("filter", "secret eq 's3cret'").get(items(MODULE)).then().statusCode(400);

        installed(MODULE, manifest("1.2.0", "{ read: own }"));
        asBob().get(items(MODULE) + "/" + id).then().statusCode(404);
        asBob().get(items(MODULE)).then().statusCode(200).body("items", hasSize(0));

        installed(MODULE, manifest("1.3.0", null));
        asBob().get(items(MODULE) + "/" + id).then().statusCode(403);
        asBob().get(items(MODULE)).then().statusCode(403);

        given().get(items(MODULE) + "/" + id).then().statusCode(200).body("secret", equalTo("s3cret"));
    }
}
