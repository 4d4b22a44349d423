package io.prmos.engine.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the platform by a tenant's admin (issue 11, item 1). Modules are shared by every tenant,
 * so publishing, rolling back and purging them is a platform operator's job: dave, globex's admin,
 * must not change what acme's users may read. What an operator does is attributed to them and shown
 * to the admins of every tenant.
 */
@QuarkusTest
class OperatorAttackSpec {

    private static final String MODULES = "/api/admin/modules";
    private static final String PARTNERS = "/api/v1/partners/partner";
    private static final String ACTIVITY = "/api/v1/activity";

    @Test
    void aTenantAdminCannotPublishAModuleThatOpensAnotherTenantsHiddenData() throws IOException {
        String p = "op" + UUID.randomUUID().toString().substring(0, 8);
        String dormant = as("alice").body(Map.of("name", p + " dormant", "active", false, "notes", p + " secret notes"))
                .post(PARTNERS).then().statusCode(201).extract().path("id");
        String widened = Files.readString(Path.of("../modules/partners/module.yaml"))
                .replace("version: 1.0.0", "version: 1.0.1")
                .replace("      read: { where: \"active eq true\" }\n      fields: { notes: hidden, annual_target: hidden }",
                        "      read: all");
        assertTrue(widened.contains("version: 1.0.1") && !widened.contains("active eq true"), "the attack manifest widens partner_viewer");

        for (String dryRun : List.of("true", "false")) {
            Response refused = as("dave").body(body("partners/module.yaml", widened)).post(MODULES + "?dryRun=" + dryRun);
            forbidden(refused, "publish");
            assertTrue(refused.jsonPath().getString("detail").contains("platform_operator"), refused.asString());
        }
        as("dave").get(MODULES).then().statusCode(200)
                .body("items.find { it.module == 'partners' }.version", equalTo("1.0.0"));
        as("carol").get(PARTNERS + "/" + dormant).then().statusCode(404);
        as("carol").queryParam("filter", "name eq '" + p + " dormant'").get(PARTNERS).then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void aTenantAdminCannotRollBackOrPurgeModules() {
        String before = as("alice").get(MODULES + "/partners/history").then().statusCode(200).extract().asString();
        for (String operation : List.of("rollback", "purge")) {
            for (String dryRun : List.of("true", "false")) {
                forbidden(as("dave").post(MODULES + "/partners/" + operation + "?dryRun=" + dryRun), operation);
                forbidden(as("bob").post(MODULES + "/partners/" + operation + "?dryRun=" + dryRun), operation);
            }
        }
        assertEquals(before, as("alice").get(MODULES + "/partners/history").then().statusCode(200).extract().asString(),
                "the partners module's history after the refused operations");
    }

    @Test
    void operatorWorkIsAttributedAndShownToTheAdminsOfEveryTenant() {
        String module = "opx" + UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
        String operatorKey = as("alice").body(Map.of("name", module + " ci", "roles", List.of("platform_operator")))
                .post("/api/admin/api-keys").then().statusCode(201).extract().path("key");
        String keyUser = "apikey:" + as("alice").get("/api/admin/api-keys").then().extract()
                .path("items.find { it.name == '" + module + " ci' }.id");

        given().header("Authorization", "ApiKey " + operatorKey).contentType(ContentType.JSON)
                .body(body(module + "/module.yaml", manifest(module, "1.0.0"))).post(MODULES).then().statusCode(200);
        as("alice").body(body(module + "/module.yaml", manifest(module, "1.1.0"))).post(MODULES).then().statusCode(200);
        as("alice").post(MODULES + "/" + module + "/rollback?dryRun=false").then().statusCode(200);
        as("alice").post(MODULES + "/" + module + "/purge?dryRun=false").then().statusCode(200);

        String alice = Tokens.subject("alice");
        as("dave").get(MODULES + "/" + module + "/history").then().statusCode(200)
                .body("items.find { it.status == 'active' }.version", equalTo("1.0.0"))
                .body("items.find { it.status == 'active' }.installedBy", equalTo(alice))
                .body("items.find { it.version == '1.1.0' }.installedBy", equalTo(alice));
        String target = "urn:prm:module:" + module;
        for (String admin : List.of("alice", "dave")) {
            as(admin).queryParam("limit", 500).get(ACTIVITY).then().statusCode(200)
                    .body("items.findAll { it.target == '" + target + "' }.summary", equalTo(List.of(
                            "Purged the archived data of " + module + " (0 statement(s))", "Rolled back to " + module + " 1.0.0",
                            "Published " + module + " 1.1.0", "Published " + module + " 1.0.0")))
                    .body("items.findAll { it.target == '" + target + "' }.actor", equalTo(List.of(alice, alice, alice, keyUser)));
        }
        for (String user : List.of("bob", "frank")) {
            as(user).queryParam("limit", 500).get(ACTIVITY).then().statusCode(200).body("items.target", not(hasItem(target)));
        }
    }

    @Test
    void tenantAdminsStillReadWhatIsInstalled() {
        as("dave").get(MODULES).then().statusCode(200).body("items.module", hasItem("partners"));
        as("dave").get(MODULES + "/partners/manifest").then().statusCode(200);
        as("dave").get(MODULES + "/partners/dependents").then().statusCode(200);
        as("frank").get(MODULES).then().statusCode(403).contentType("application/problem+json");
    }

    private static void forbidden(Response response, String what) {
        assertEquals(403, response.statusCode(), what + " as a tenant admin: " + response.asString());
        assertTrue(response.contentType().startsWith("application/problem+json"), what + ": " + response.contentType());
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static Map<String, Object> body(String file, String source) {
        return Map.of("modules", List.of(Map.of("file", file, "source", source)));
    }

    private static String manifest(String module, String version) {
        return "apiVersion: prm/v1\nmodule: " + module + "\nversion: " + version + "\nentities:\n  Note:\n    fields:\n"
                + "      text: { type: text }\n" + (version.equals("1.0.0") ? "" : "      extra: { type: integer }\n");
    }
}
