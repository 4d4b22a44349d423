package io.prmos.engine.designer;

import static io.prmos.engine.designer.DesignerSpec.API;
import static io.prmos.engine.designer.DesignerSpec.as;
import static io.prmos.engine.designer.DesignerSpec.manifest;
import static io.prmos.engine.designer.DesignerSpec.uniqueModule;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the designer must never do (issue 14): a refused request leaves the draft, the registry and
 * the database as they were; a draft is published only as reviewed and only under its own name; a
 * tenant admin changes the tenant overlay (custom fields) through the admin API and nothing of the
 * module — the designer's module endpoints refuse them.
 */
@QuarkusTest
class DesignerSafetySpec {

    @Test
    void refusedSavesAndPublishesChangeNothing() {
        String module = uniqueModule();
        String source = manifest(module, "1.0.0", "");
        as("alice").body(Map.of("source", source)).put(drafts(module)).then().statusCode(200).body("draft.revision", equalTo(1));

        problem(as("alice").body("not json").put(drafts(module)), 400);
        problem(as("alice").body(Map.of("source", 42)).put(drafts(module)), 422);
        problem(as("alice").body(Map.of("source", source + "# elsewhere\n", "file", "../../etc/passwd")).put(drafts(module)), 422);
        problem(as("alice").header("If-Match", "\"7\"").body(Map.of("source", source + "# stale tab\n")).put(drafts(module)), 412);
        problem(as("alice").body(Map.of("revision", 5)).post(drafts(module) + "/publish"), 409);
        unchanged(module, 1, source);

        // a draft may be invalid while it is edited, but the pipeline refuses to publish it
        String broken = source + "      due: { type: date, lable: Due }\n";
        as("alice").body(Map.of("source", broken)).put(drafts(module)).then().statusCode(200).body("draft.revision", equalTo(2));
        Response refused = as("alice").body(Map.of("revision", 2)).post(drafts(module) + "/publish");
        assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, refused.statusCode() + " " + refused.asString());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.asString());
        unchanged(module, 2, broken);
    }

    @Test
    void aDraftKeptUnderOneNameCannotPublishAnotherModule() {
        String module = uniqueModule();
        String other = uniqueModule();
        as("alice").body(Map.of("source", manifest(other, "1.0.0", ""))).put(drafts(module)).then().statusCode(200);
        problem(as("alice").post(drafts(module) + "/publish"), 422).body("errors[0].pointer", equalTo("/module"))
                .body("errors[0].message", containsString(other));
        as("alice").get("/api/admin/modules").then().body("items.module", not(hasItem(module))).body("items.module", not(hasItem(other)));
    }

    @Test
    void aPublishedDraftIsTheManifestThePipelineInstalledAndTheDraftIsGone() {
        String module = uniqueModule();
        String source = "# kept as written, comment included\n" + manifest(module, "1.0.0", "");
        as("alice").body(Map.of("source", source)).put(drafts(module)).then().statusCode(200);
        as("alice").body(Map.of("revision", 1)).post(drafts(module) + "/publish").then().statusCode(200);
        assertEquals(source, manifestText(module));
        as("alice").get(drafts(module)).then().statusCode(200).body("draft", equalTo(null)).body("activeVersion", equalTo("1.0.0"));
    }

    @Test
    void tenantAdminsChangeTheirTenantsOverlayAndNeverTheModule() {
        String module = uniqueModule();
        String source = manifest(module, "1.0.0", "");
        as("alice").body(Map.of("modules", List.of(Map.of("file", module + "/module.yaml", "source", source))))
                .post("/api/admin/modules").then().statusCode(200).body("applied", equalTo(true));

        problem(as("dave").body(Map.of("source", source + "      cf_x: { type: text }\n")).put(drafts(module)), 403);
        problem(as("dave").body(Map.of("source", source)).post(API + "/validate"), 403);

        as("dave").body(Map.of("entity", module + ".Ticket", "name", "cf_channel", "field", Map.of("type", "text", "label", "Channel")))
                .post("/api/admin/custom-fields").then().statusCode(201);
        as("dave").get("/api/admin/custom-fields").then().statusCode(200).body("items.name", hasItem("cf_channel"));
        as("alice").get("/api/admin/custom-fields").then().statusCode(200).body("items.name", not(hasItem("cf_channel")));

        assertEquals(source, manifestText(module), "the module's manifest is untouched by a tenant overlay");
        as("alice").get(drafts(module)).then().statusCode(200).body("draft", equalTo(null)).body("others.size()", equalTo(0));
    }

    private static void unchanged(String module, int revision, String source) {
        as("alice").get(drafts(module)).then().statusCode(200).body("draft.revision", equalTo(revision)).body("draft.source", equalTo(source));
        as("alice").get("/api/admin/modules").then().body("items.module", not(hasItem(module)));
    }

    private static String manifestText(String module) {
        return given().header("Authorization", Tokens.bearer("alice")).accept("application/yaml")
                .get("/api/admin/modules/" + module + "/manifest").then().statusCode(200).extract().asString();
    }

    private static String drafts(String module) {
        return API + "/drafts/" + module;
    }

    private static io.restassured.response.ValidatableResponse problem(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType() + " " + response.asString());
        return response.then();
    }
}
