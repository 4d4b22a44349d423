package io.prmos.engine.overlay;

import static io.prmos.engine.overlay.Overlays.FIELDS;
import static io.prmos.engine.overlay.Overlays.addField;
import static io.prmos.engine.overlay.Overlays.as;
import static io.prmos.engine.overlay.Overlays.create;
import static io.prmos.engine.overlay.Overlays.customField;
import static io.prmos.engine.overlay.Overlays.installed;
import static io.prmos.engine.overlay.Overlays.items;
import static io.prmos.engine.overlay.Overlays.manifest;
import static io.prmos.engine.overlay.Overlays.map;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.engine.registry.CatalogHolder;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Custom fields added at run time by a tenant admin behave like declared fields: validated on
 * write, filterable and sortable with keyset pages, shown in records, OpenAPI and the tenant's
 * catalog view, governed by field permissions, invisible to another tenant, kept across a module
 * upgrade; a module version that declares a colliding name is refused.
 */
@QuarkusTest
class CustomFieldSpec {

    @Inject
    CatalogHolder catalogs;

    @Test
    void aCustomFieldIsValidatedFilterableAndSortable() {
        installed("cfa", manifest("cfa", "1.0.0", null));
        as("alice").body(customField("cfa.Item", "cf_score", map("type", "integer", "label", "Score", "min", 0, "max", 100,
                        "filterable", true, "sortable", true)))
                .post(FIELDS).then().statusCode(201)
                .body("name", equalTo("cf_score"))
                .body("field.label", equalTo("Score"))
                .body("statements", hasItem(containsString("ADD COLUMN IF NOT EXISTS \"_custom\" jsonb")))
                .body("statements", hasItem(containsString("CREATE INDEX IF NOT EXISTS")));

        String low = create("alice", "cfa", map("name", "Low", "cf_score", 10));
        create("alice", "cfa", map("name", "High", "cf_score", 90));
        create("alice", "cfa", map("name", "Mid", "cf_score", 50));
        create("alice", "cfa", map("name", "None"));
        as("alice").get(items("cfa") + "/" + low).then().statusCode(200).body("cf_score", equalTo(10));

        as("alice").body(map("name", "Bad", "cf_score", 150)).post(items("cfa")).then().statusCode(422)
                .body("errors.pointer", hasItem("/cf_score")).body("errors.message", hasItem(containsString("100")));
        as("alice").body(map("name", "Bad", "cf_score", "many")).post(items("cfa")).then().statusCode(422)
                .body("errors.pointer", hasItem("/cf_score"));

        as("alice").queryParam("filter", "cf_score gte 50").queryParam("sort", "-cf_score").get(items("cfa"))
                .then().statusCode(200).body("items.name", contains("High", "Mid"));
        String next = as("alice").queryParam("sort", "cf_score,name").queryParam("limit", 2).get(items("cfa"))
                .then().statusCode(200).body("items.name", contains("Low", "Mid")).extract().path("nextCursor");
        as("alice").queryParam("sort", "cf_score,name").queryParam("limit", 2).queryParam("cursor", next).get(items("cfa"))
                .then().statusCode(200).body("items.name", contains("High", "None"));
        as("alice").queryParam("filter", "cf_score isNull").get(items("cfa")).then().statusCode(200)
                .body("items.name", contains("None"));
        as("alice").queryParam("filter", "cf_score eq 'x'").get(items("cfa")).then().statusCode(400);

        as("alice").body(map("cf_score", 20)).patch(items("cfa") + "/" + low).then().statusCode(200)
                .body("cf_score", equalTo(20)).body("name", equalTo("Low"));
        as("alice").body(map("cf_score", null)).patch(items("cfa") + "/" + low).then().statusCode(200)
                .body("cf_score", nullValue());
        as("alice").queryParam("filter", "cf_score isNull").get(items("cfa")).then().statusCode(200)
                .body("items.name", containsInAnyOrder("None", "Low"));
    }

    @Test
    void typedCustomFieldsRoundTrip() {
        installed("cft", manifest("cft", "1.0.0", null));
        addField("alice", "cft.Item", "cf_due", map("type", "date", "filterable", true, "sortable", true));
        addField("alice", "cft.Item", "cf_seen", map("type", "datetime", "filterable", true));
        addField("alice", "cft.Item", "cf_rate", map("type", "decimal", "precision", 8, "scale", 2, "filterable", true));
        addField("alice", "cft.Item", "cf_vip", map("type", "boolean", "filterable", true, "default", false));
        addField("alice", "cft.Item", "cf_seg", map("type", "dictionary", "dictionary", "segment", "filterable", true));
        addField("alice", "cft.Item", "cf_segs", map("type", "multidictionary", "dictionary", "segment", "filterable", true));

        String id = create("alice", "cft", map("name", "A", "cf_due", "2025-03-01", "cf_seen", "2025-03-01T10:15:30+02:00",
                "cf_rate", 12.5, "cf_seg", "enterprise", "cf_segs", List.of("smb", "enterprise")));
        create("alice", "cft", map("name", "B", "cf_due", "2024-12-31", "cf_rate", 3, "cf_vip", true, "cf_segs", List.of("smb")));
        as("alice").get(items("cft") + "/" + id).then().statusCode(200)
                .body("cf_due", equalTo("2025-03-01")).body("cf_seen", equalTo("2025-03-01T08:15:30Z"))
                .body("cf_rate", equalTo(12.5f)).body("cf_vip", equalTo(false)).body("cf_seg", equalTo("enterprise"))
                .body("cf_segs", contains("smb", "enterprise"));
        as("alice").body(map("name", "C", "cf_seg", "galaxy")).post(items("cft")).then().statusCode(422)
                .body("errors.pointer", hasItem("/cf_seg"));

        as("alice").queryParam("filter", "cf_due lt '2025-01-01'").get(items("cft")).then().body("items.name", contains("B"));
        as("alice").queryParam("filter", "cf_seen gt '2025-03-01T08:00:00Z'").get(items("cft")).then().body("items.name", contains("A"));
        as("alice").queryParam("filter", "cf_rate gte 10").get(items("cft")).then().body("items.name", contains("A"));
        as("alice").queryParam("filter", "cf_vip eq true").get(items("cft")).then().body("items.name", contains("B"));
        as("alice").queryParam("filter", "cf_seg in ('enterprise', 'smb')").get(items("cft")).then().body("items.name", contains("A"));
        as("alice").queryParam("filter", "cf_segs eq 'enterprise'").get(items("cft")).then().body("items.name", contains("A"));
        as("alice").queryParam("filter", "cf_segs in ('smb')").queryParam("sort", "name").get(items("cft"))
                .then().body("items.name", contains("A", "B"));
        as("alice").queryParam("sort", "cf_due").get(items("cft")).then().body("items.name", contains("B", "A"));
    }

    @Test
    void anotherTenantNeitherSeesNorIsAffected() {
        installed("cfb", manifest("cfb", "1.0.0", null));
        addField("alice", "cfb.Item", "cf_secret", map("type", "text", "maxLength", 20, "filterable", true));
        create("alice", "cfb", map("name", "Acme item", "cf_secret", "acme-only"));

        as("dave").body(map("name", "Globex item", "cf_secret", "x")).post(items("cfb")).then().statusCode(422)
                .body("errors.pointer", hasItem("/cf_secret"));
        String globex = create("dave", "cfb", map("name", "Globex item"));
        as("dave").get(items("cfb") + "/" + globex).then().statusCode(200).body("$", not(hasKey("cf_secret")));
        as("dave").queryParam("filter", "cf_secret eq 'acme-only'").get(items("cfb")).then().statusCode(400);
        as("dave").get(FIELDS).then().statusCode(200).body("items.name", not(hasItem("cf_secret")));
        as("alice").get(FIELDS).then().statusCode(200).body("items.name", hasItem("cf_secret"));

        as("alice").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.'cfb.Item'.properties", hasKey("cf_secret"));
        as("dave").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.'cfb.Item'.properties", not(hasKey("cf_secret")))
                .body("components.schemas.'cfb.Item'.properties", hasKey("name"));

        EntityDescriptor acme = catalogs.forTenant("acme").entity("cfb", "item").orElseThrow();
        EntityDescriptor globexView = catalogs.forTenant("globex").entity("cfb", "item").orElseThrow();
        FieldDescriptor secret = acme.field("cf_secret").orElseThrow();
        assertTrue(secret.custom());
        assertEquals("Cf secret", secret.def().label());
        assertTrue(acme.def().fields().containsKey("cf_secret"), "the entity definition the UI metadata reads has it too");
        assertFalse(globexView.field("cf_secret").isPresent());
        assertFalse(catalogs.current().entity("cfb", "item").orElseThrow().field("cf_secret").isPresent());
    }

    @Test
    void fieldPermissionsApplyToCustomFields() {
        installed("cfp", manifest("cfp", "1.0.0", null));
        addField("alice", "cfp.Item", "cf_note", map("type", "text"));
        as("alice").body(map("entity", "cfp.Item", "name", "cf_margin", "field", map("type", "integer"),
                "access", map("sales_rep", "hidden"))).post(FIELDS).then().statusCode(201).body("access.sales_rep", equalTo("hidden"));
        String id = create("alice", "cfp", map("name", "A", "cf_note", "hello", "cf_margin", 42));

        as("alice").get(items("cfp") + "/" + id).then().body("cf_note", equalTo("hello")).body("cf_margin", equalTo(42));
        as("bob").get(items("cfp") + "/" + id).then().statusCode(200)
                .body("cf_note", equalTo("hello")).body("$", not(hasKey("cf_margin")));
        as("bob").queryParam("filter", "cf_margin eq 42").get(items("cfp")).then().statusCode(400);
        as("bob").body(map("cf_note", "x")).patch(items("cfp") + "/" + id).then().statusCode(403);
        as("bob").body(customField("cfp.Item", "cf_other", map("type", "text"))).post(FIELDS).then().statusCode(403);
    }

    @Test
    void definitionsAreCheckedLikeManifestFields() {
        installed("cfc", manifest("cfc", "1.0.0", null));
        as("alice").body(customField("cfc.Item", "cf_x", map("type", "integer", "max", "x"))).post(FIELDS).then()
                .statusCode(422).body("type", endsWith("invalid-custom-field")).body("errors.pointer", hasItem("/field/max"));
        as("alice").body(customField("cfc.Item", "cf_x", map("type", "dictionary", "dictionary", "nope"))).post(FIELDS).then()
                .statusCode(422).body("errors.pointer", hasItem("/field/dictionary"));
        as("alice").body(customField("cfc.Item", "cf_x", map("type", "integer", "min", 5, "max", 1))).post(FIELDS).then()
                .statusCode(422).body("errors.pointer", hasItem(startsWith("/field")));
        as("alice").body(customField("cfc.Item", "region", map("type", "text"))).post(FIELDS).then()
                .statusCode(422).body("errors.pointer", hasItem("/name"));
        as("alice").body(customField("cfc.Item", "cf_m", map("type", "money"))).post(FIELDS).then()
                .statusCode(422).body("errors.pointer", hasItem("/field/type"));
        as("alice").body(customField("cfc.Nope", "cf_m", map("type", "text"))).post(FIELDS).then()
                .statusCode(422).body("errors.pointer", hasItem("/entity"));
        as("alice").body(customField("cfc.Item", "cf_x", map("type", "text", "colour", "red"))).post(FIELDS).then()
                .statusCode(422).body("errors.pointer", hasItem("/field/colour"));

        as("alice").body(customField("cfc.Item", "cf_ok", map("type", "text"))).post(FIELDS + "?dryRun=true").then()
                .statusCode(200).body("dryRun", equalTo(true));
        as("alice").get(FIELDS).then().body("items.name", not(hasItem("cf_ok")));
        addField("alice", "cfc.Item", "cf_ok", map("type", "text"));
        as("alice").body(customField("cfc.Item", "cf_ok", map("type", "text"))).post(FIELDS).then().statusCode(409);
    }

    @Test
    void relabelAndRemoveWithADryRun() {
        installed("cfr", manifest("cfr", "1.0.0", null));
        addField("alice", "cfr.Item", "cf_code", map("type", "text", "label", "Code"));
        String id = create("alice", "cfr", map("name", "A", "cf_code", "X1"));
        create("alice", "cfr", map("name", "B"));

        as("alice").body(map("label", "Partner code")).patch(FIELDS + "/cfr.Item/cf_code").then().statusCode(200)
                .body("field.label", equalTo("Partner code"));
        assertEquals("Partner code", catalogs.forTenant("acme").entity("cfr", "item").orElseThrow()
                .field("cf_code").orElseThrow().def().label());
        as("alice").body(map("type", "integer")).patch(FIELDS + "/cfr.Item/cf_code").then().statusCode(422);

        as("alice").delete(FIELDS + "/cfr.Item/cf_code?dryRun=true").then().statusCode(200)
                .body("recordsWithValue", equalTo(1)).body("dryRun", equalTo(true));
        as("alice").get(items("cfr") + "/" + id).then().body("cf_code", equalTo("X1"));
        as("alice").delete(FIELDS + "/cfr.Item/cf_code").then().statusCode(200).body("valuesRemoved", equalTo(1));
        as("alice").get(items("cfr") + "/" + id).then().body("$", not(hasKey("cf_code")));
        as("alice").delete(FIELDS + "/cfr.Item/cf_code").then().statusCode(404);

        addField("alice", "cfr.Item", "cf_code", map("type", "text"));
        as("alice").get(items("cfr") + "/" + id).then().body("cf_code", nullValue());
    }

    @Test
    void customFieldsSurviveAModuleUpgrade() {
        installed("cfu", manifest("cfu", "1.0.0", null));
        addField("alice", "cfu.Item", "cf_tag", map("type", "text", "filterable", true, "sortable", true));
        String id = create("alice", "cfu", map("name", "Tagged", "cf_tag", "blue"));

        installed("cfu", manifest("cfu", "1.1.0", "color: { type: text, maxLength: 20 }"));
        as("alice").get(items("cfu") + "/" + id).then().statusCode(200)
                .body("cf_tag", equalTo("blue")).body("color", nullValue()).body("name", equalTo("Tagged"));
        as("alice").queryParam("filter", "cf_tag eq 'blue'").queryParam("sort", "cf_tag").get(items("cfu"))
                .then().statusCode(200).body("items.id", contains(id));
        as("alice").body(map("color", "red", "cf_tag", "green")).patch(items("cfu") + "/" + id).then().statusCode(200)
                .body("color", equalTo("red")).body("cf_tag", equalTo("green"));
    }

    @Test
    void aModuleVersionDeclaringACustomFieldNameIsRefused() {
        installed("cfx", manifest("cfx", "1.0.0", null));
        addField("dave", "cfx.Item", "cf_region", map("type", "text"));
        Overlays.publish("cfx", manifest("cfx", "1.1.0", "cf_region: { type: text }")).then().statusCode(409)
                .body("errors.message", hasItem(allOf(containsString("Item.cf_region"),
                        containsString("collides with a custom field that 1 tenant(s) added"))));
        as("alice").get("/api/admin/modules").then().body("items.find { it.module == 'cfx' }.version", equalTo("1.0.0"));
    }
}
