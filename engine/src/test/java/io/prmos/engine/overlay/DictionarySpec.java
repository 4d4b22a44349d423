package io.prmos.engine.overlay;

import static io.prmos.engine.overlay.Overlays.as;
import static io.prmos.engine.overlay.Overlays.create;
import static io.prmos.engine.overlay.Overlays.installed;
import static io.prmos.engine.overlay.Overlays.items;
import static io.prmos.engine.overlay.Overlays.manifest;
import static io.prmos.engine.overlay.Overlays.map;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prmos.engine.registry.CatalogHolder;
import io.prmos.metadata.model.DictionaryDef;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Extensible dictionaries: a tenant admin adds, relabels, reorders, deactivates and deletes values;
 * validation, OpenAPI and the tenant's catalog view use the effective values; values in use cannot
 * be deleted; another tenant keeps the module's values.
 */
@QuarkusTest
class DictionarySpec {

    @Inject
    CatalogHolder catalogs;

    private static String values(String module) {
        return "/api/admin/dictionaries/" + module + ".segment/values";
    }

    @Test
    void aTenantExtendsADictionaryOnlyForItself() {
        installed("dxa", manifest("dxa", "1.0.0", null));
        as("alice").body(map("code", "midmarket", "label", "Mid-market")).post(values("dxa")).then().statusCode(201)
                .body("items.code", contains("smb", "enterprise", "midmarket"))
                .body("items.find { it.code == 'midmarket' }.origin", equalTo("tenant"))
                .body("items.find { it.code == 'smb' }.origin", equalTo("module"));
        as("alice").body(map("code", "midmarket")).post(values("dxa")).then().statusCode(409);
        as("alice").body(map("code", "Not A Code")).post(values("dxa")).then().statusCode(422).body("errors.pointer", hasItem("/code"));

        create("alice", "dxa", map("name", "A", "segment", "midmarket", "tags", List.of("midmarket", "smb")));
        as("dave").body(map("name", "B", "segment", "midmarket")).post(items("dxa")).then().statusCode(422)
                .body("errors.pointer", hasItem("/segment"));
        as("dave").get(values("dxa")).then().statusCode(200).body("items.code", contains("smb", "enterprise"));

        as("alice").get("/q/openapi?format=json").then()
                .body("components.schemas.'dxa.Item'.properties.segment.enum", hasItem("midmarket"));
        as("dave").get("/q/openapi?format=json").then()
                .body("components.schemas.'dxa.Item'.properties.segment.enum", not(hasItem("midmarket")));
        DictionaryDef acme = catalogs.forTenant("acme").module("dxa").orElseThrow().dictionary("segment").orElseThrow();
        assertEquals(List.of("smb", "enterprise", "midmarket"), acme.values().stream().map(DictionaryDef.Value::code).toList());
        assertEquals("Mid-market", acme.values().get(2).label());
        assertEquals(2, catalogs.forTenant("globex").module("dxa").orElseThrow().dictionary("segment").orElseThrow().values().size());
    }

    @Test
    void valuesAreRelabelledAndReordered() {
        installed("dxb", manifest("dxb", "1.0.0", null));
        as("alice").body(map("code", "startup")).post(values("dxb")).then().statusCode(201);
        as("alice").body(map("label", "Small business")).patch(values("dxb") + "/smb").then().statusCode(200)
                .body("items.find { it.code == 'smb' }.label", equalTo("Small business"));
        as("alice").body(map("order", List.of("enterprise", "startup", "smb"))).put(values("dxb")).then().statusCode(200)
                .body("items.code", contains("enterprise", "startup", "smb"));
        as("alice").body(map("order", List.of("enterprise", "smb"))).put(values("dxb")).then().statusCode(422)
                .body("errors.pointer", hasItem("/order"));
        assertEquals(List.of("Enterprise", "Startup", "Small business"), catalogs.forTenant("acme").module("dxb").orElseThrow()
                .dictionary("segment").orElseThrow().values().stream().map(DictionaryDef.Value::label).toList());
    }

    @Test
    void aDeactivatedValueStaysOnRecordsButNewWritesRefuseIt() {
        installed("dxc", manifest("dxc", "1.0.0", null));
        String id = create("alice", "dxc", map("name", "Old", "segment", "smb"));
        as("alice").body(map("active", false)).patch(values("dxc") + "/smb").then().statusCode(200)
                .body("items.find { it.code == 'smb' }.active", equalTo(false));

        as("alice").body(map("name", "New", "segment", "smb")).post(items("dxc")).then().statusCode(422)
                .body("errors.pointer", hasItem("/segment"));
        as("alice").get(items("dxc") + "/" + id).then().statusCode(200).body("segment", equalTo("smb"));
        as("alice").body(map("name", "Old, renamed")).patch(items("dxc") + "/" + id).then().statusCode(200)
                .body("segment", equalTo("smb"));
        as("alice").queryParam("filter", "segment eq 'smb'").get(items("dxc")).then().statusCode(200).body("items.id", contains(id));
        as("dave").body(map("name", "Globex", "segment", "smb")).post(items("dxc")).then().statusCode(201);

        as("alice").body(map("active", true)).patch(values("dxc") + "/smb").then().statusCode(200);
        as("alice").body(map("name", "New", "segment", "smb")).post(items("dxc")).then().statusCode(201);
    }

    @Test
    void aValueInUseCannotBeDeleted() {
        installed("dxd", manifest("dxd", "1.0.0", null));
        as("alice").body(map("code", "partner")).post(values("dxd")).then().statusCode(201);
        as("alice").body(map("code", "unused")).post(values("dxd")).then().statusCode(201);
        String a = create("alice", "dxd", map("name", "A", "segment", "partner"));
        create("alice", "dxd", map("name", "B", "tags", List.of("partner")));

        as("alice").delete(values("dxd") + "/partner").then().statusCode(409)
                .body("type", endsWith("dictionary-value-in-use")).body("detail", containsString("used by 2 record(s)"));
        as("alice").delete(values("dxd") + "/smb").then().statusCode(409).body("type", endsWith("dictionary-value-declared"));
        as("alice").delete(values("dxd") + "/unused").then().statusCode(204);
        as("alice").get(values("dxd")).then().body("items.code", not(hasItem("unused")));

        as("alice").body(map("segment", "enterprise")).patch(items("dxd") + "/" + a).then().statusCode(200);
        as("alice").delete(values("dxd") + "/partner").then().statusCode(409).body("detail", containsString("used by 1 record(s)"));
    }

    @Test
    void onlyExtensibleDictionariesAndAdminsQualify() {
        installed("dxe", manifest("dxe", "1.0.0", null));
        as("alice").get("/api/admin/dictionaries/dxe.fixed/values").then().statusCode(409).body("type", endsWith("dictionary-not-extensible"));
        as("alice").get("/api/admin/dictionaries/dxe.nope/values").then().statusCode(404);
        as("bob").get(values("dxe")).then().statusCode(403);
    }
}
