package io.prmos.engine.registry;

import static io.prmos.engine.registry.Modules.ADMIN;
import static io.prmos.engine.registry.Modules.manifest;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.prmos.engine.schema.UiBundleRows;
import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Module UI extensions (ADR 0151): the bundle published with a module version is served by content
 * hash with immutable cache headers, listed in the UI metadata with the pages and widgets the caller's
 * roles allow, rolled back with its version, kept when a version comes without one (the designer), and
 * every response outside /q/ carries the Content-Security-Policy.
 */
@QuarkusTest
class UiExtensionSpec {

    private static final String METADATA = "/api/v1/ui/metadata";
    private static final String UI = """
            ui:
              pages:
                - { name: board, title: Board, entry: board/Board.tsx, roles: [gadget_viewer] }
              widgets:
                - { name: health, title: Health, entry: health/Health.tsx, slots: [gadget.Item.detail.sidebar], props: [recordUrn, recordId], roles: [partner_manager] }
            """;
    private static final String ROLES_TAIL = "  gadget_viewer: { label: Gadget viewer }\n";

    private static String gadget(String version) {
        return manifest("gadget", version, "name: { type: text, label: Name }", UI)
                .replace("  partner_manager: { label: Partner manager }\n", "  partner_manager: { label: Partner manager }\n" + ROLES_TAIL);
    }

    private static Response publish(String source, String bundle) {
        return publish("gadget", source, bundle);
    }

    private static Response publish(String name, String source, String bundle) {
        Map<String, Object> module = new LinkedHashMap<>();
        module.put("file", name + "/module.yaml");
        module.put("source", source);
        if (bundle != null) {
            module.put("uiBundle", bundle);
        }
        return given().contentType(ContentType.JSON).body(Map.of("modules", List.of(module))).post(ADMIN);
    }

    private static String bundleUrl() {
        return given().get(METADATA).then().statusCode(200).extract().path("extensions.find { it.module == 'gadget' }.url");
    }

    @Test
    void bundlesAreServedByHashListedByRoleAndRolledBackWithTheirVersion() {
        publish(gadget("1.0.0"), "export default { widgets: {} }; // one").then().statusCode(200);
        String first = bundleUrl();
        assertEquals("/api/v1/ui/extensions/gadget/" + UiBundleRows.hash("export default { widgets: {} }; // one") + ".js", first);
        given().get(METADATA).then()
                .body("extensions.find { it.module == 'gadget' }.widgets.name", contains("health"))
                .body("extensions.find { it.module == 'gadget' }.widgets[0].slots", contains("gadget.Item.detail.sidebar"))
                .body("extensions.find { it.module == 'gadget' }.widgets[0].props", contains("recordUrn", "recordId"))
                .body("extensions.find { it.module == 'gadget' }.pages", hasSize(0));
        given().header("Authorization", Tokens.bearer("bob")).get(METADATA).then().statusCode(200)
                .body("extensions.module", not(hasItem("gadget")));

        given().header("Authorization", "").get(first).then().statusCode(200)
                .contentType(startsWith("text/javascript"))
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(equalTo("export default { widgets: {} }; // one"));

        publish(gadget("1.1.0"), "export default { widgets: {} }; // two").then().statusCode(200);
        String second = bundleUrl();
        assertNotEquals(first, second);
        given().get(first).then().statusCode(200).body(endsWith("// one"));
        given().get(second).then().statusCode(200).body(endsWith("// two"));

        given().post(ADMIN + "/gadget/rollback").then().statusCode(200).body("modules[0].to", equalTo("1.0.0"));
        assertEquals(first, bundleUrl(), "a rollback brings the older version's UI back");

        publish(gadget("1.2.0"), null).then().statusCode(200);
        assertEquals(first, bundleUrl(), "a version published without a bundle keeps the active version's UI");
    }

    @Test
    void unknownOrMalformedBundleNamesAre404Problems() {
        given().get("/api/v1/ui/extensions/gadget/" + "0".repeat(32) + ".js").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().get("/api/v1/ui/extensions/Bad-Name/x.js").then().statusCode(404);
        given().get("/api/v1/ui/extensions/gadget/..%2F..%2Fetc.js").then().statusCode(404);
    }

    @Test
    void anOversizedBundleIsRefusedAndNothingIsPublished() {
        publish("bigui", gadget("9.0.0").replace("module: gadget", "module: bigui").replace("gadget.Item", "bigui.Item"),
                "x".repeat(UiBundleRows.MAX_BYTES + 1))
                .then().statusCode(409).body("errors.message", hasItem(containsString("UI bundle is larger than")));
    }

    @Test
    void everyResponseOutsideQuarkusPagesCarriesTheContentSecurityPolicy() {
        String policy = given().get(METADATA).then().statusCode(200).extract().header("Content-Security-Policy");
        assertEquals(true, policy.contains("script-src 'self';") && policy.contains("object-src 'none'")
                && !policy.contains("unsafe-eval") && !policy.matches(".*script-src[^;]*unsafe-inline.*"), policy);
        given().header("Authorization", "").get("/api/v1/ui/auth").then().header("Content-Security-Policy", equalTo(policy));
        given().get("/q/health").then().header("Content-Security-Policy", nullValue());
    }
}
