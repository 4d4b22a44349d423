package io.prmos.engine.keycloak;

import static io.prmos.engine.keycloak.KeycloakCallers.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine behind a real Keycloak: tokens of users of two tenants and several roles, and of a
 * service account, drive record permissions, field visibility, row filters, tenant isolation and the
 * API-key lifecycle exactly as the manifests declare.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
@Tag("keycloak")
class KeycloakIdentitySpec {

    private static Map<String, Object> commercialPartner(String name, boolean active) {
        return map("name", name, "active", active, "notes", "margin talk",
                "annual_target", map("amount", "250000.00", "currency", "EUR"));
    }

    /** alice (acme partner_manager) creates a partner and returns its id. */
    private static String aliceCreates(String alice, Map<String, Object> body) {
        return as(alice).body(body).post(PARTNERS).then().statusCode(201).extract().path("id");
    }

    @Test
    void aliceCreatesAPartnerRecordedUnderHerTokenSubject() {
        String token = token("alice");
        String sub = subject(token);
        String name = prefix() + "Alice";
        String id = as("Bearer " + token).body(commercialPartner(name, true)).post(PARTNERS).then()
                .statusCode(201)
                .body("name", equalTo(name))
                .body("created_by", equalTo(sub))
                .body("updated_by", equalTo(sub))
                .body("notes", equalTo("margin talk"))
                .extract().path("id");
        assertTrue(sub.matches("[0-9a-f-]{36}"), "Keycloak user ids are UUIDs: " + sub);
        as("Bearer " + token).get(PARTNERS + "/" + id).then().statusCode(200)
                .body("created_by", equalTo(sub))
                .body("annual_target.currency", equalTo("EUR"));
    }

    @Test
    void onlyTheRealmsPlatformOperatorsPublishModules() {
        String module = "kc" + prefix().replaceAll("[^a-z0-9]", "").substring(0, 8);
        Map<String, Object> body = map("modules", List.of(map("file", module + "/module.yaml", "source",
                "apiVersion: prm/v1\nmodule: " + module + "\nversion: 1.0.0\nentities:\n  Note:\n    fields:\n      text: { type: text }\n")));
        as(bearer("dave")).body(body).post("/api/admin/modules?dryRun=true").then().statusCode(403)
                .contentType(PROBLEM_JSON).body("detail", containsString("platform_operator"));
        as(bearer("dave")).get("/api/admin/modules").then().statusCode(200);
        as("Bearer " + keycloak().clientCredentialsToken(CLI, CLI_SECRET)).body(body).post("/api/admin/modules?dryRun=true")
                .then().statusCode(200).body("dryRun", equalTo(true));
        as(bearer("alice")).body(body).post("/api/admin/modules?dryRun=true").then().statusCode(200);
    }

    @Test
    void bobReadsPartnersWithoutCommercialFieldsAndCannotCreateOne() {
        String p = prefix();
        String id = aliceCreates(bearer("alice"), commercialPartner(p + "Seen", true));
        String bob = bearer("bob");

        as(bob).get(PARTNERS + "/" + id).then().statusCode(200)
                .body("name", equalTo(p + "Seen"))
                .body("score", notNullValue())
                .body("$", not(hasKey("notes")))
                .body("$", not(hasKey("annual_target")));
        as(bob).queryParam("filter", "name startsWith '" + p + "'").get(PARTNERS).then().statusCode(200)
                .body("items.name", contains(p + "Seen"))
                .body("items[0]", not(hasKey("notes")))
                .body("items[0]", not(hasKey("annual_target")));

        forbidden(as(bob).body(map("name", p + "ByBob")).post(PARTNERS).then());
        as(bearer("alice")).queryParam("filter", "name startsWith '" + p + "'").get(PARTNERS).then()
                .body("items.name", contains(p + "Seen"));
    }

    @Test
    void carolSeesOnlyActivePartners() {
        String p = prefix();
        String alice = bearer("alice");
        aliceCreates(alice, commercialPartner(p + "Active", true));
        String inactive = aliceCreates(alice, commercialPartner(p + "Dormant", false));
        String carol = bearer("carol");

        as(carol).queryParam("filter", "name startsWith '" + p + "'").get(PARTNERS).then().statusCode(200)
                .body("items.name", contains(p + "Active"))
                .body("items[0]", not(hasKey("notes")));
        problem(as(carol).get(PARTNERS + "/" + inactive).then(), 404, "/not-found");
        as(alice).queryParam("filter", "name startsWith '" + p + "'").queryParam("sort", "name").get(PARTNERS).then()
                .body("items.name", contains(p + "Active", p + "Dormant"));
    }

    @Test
    void daveOfGlobexNeitherReadsNorListsAcmePartners() {
        String p = prefix();
        String acme = aliceCreates(bearer("alice"), commercialPartner(p + "Acme", true));
        String dave = bearer("dave");
        assertEquals("globex", KeycloakRealmTest.payload(dave.substring(7)).path("tenant").asText());

        problem(as(dave).get(PARTNERS + "/" + acme).then(), 404, "/not-found");
        as(dave).queryParam("filter", "name startsWith '" + p + "'").get(PARTNERS).then().statusCode(200)
                .body("items", empty());
        // ...and the other way round
        String globex = as(dave).body(map("name", p + "Globex")).post(PARTNERS).then().statusCode(201).extract().path("id");
        problem(as(bearer("alice")).get(PARTNERS + "/" + globex).then(), 404, "/not-found");
        as(bearer("alice")).queryParam("filter", "name startsWith '" + p + "'").get(PARTNERS).then()
                .body("items.name", contains(p + "Acme"));
    }

    @Test
    void serviceAccountIssuesAnApiKeyThatReadsUntilRevoked() {
        String p = prefix();
        String partner = aliceCreates(bearer("alice"), commercialPartner(p + "ForKey", true));
        String service = keycloak().clientCredentialsToken(CLI, CLI_SECRET);
        String serviceBearer = "Bearer " + service;

        var created = as(serviceBearer).body(map("name", p + "worker", "roles", List.of("partner_viewer"))).post(API_KEYS).then()
                .statusCode(201)
                .body("tenant", equalTo("acme"))
                .body("roles", contains("partner_viewer"))
                .body("createdBy", equalTo(subject(service)))
                .body("key", startsWith("prm_"))
                .extract();
        String keyId = created.path("id");
        String apiKey = "ApiKey " + created.path("key");

        as(apiKey).get(PARTNERS + "/" + partner).then().statusCode(200)
                .body("name", equalTo(p + "ForKey"))
                .body("$", not(hasKey("notes")));
        as(apiKey).queryParam("filter", "name startsWith '" + p + "'").get(PARTNERS).then().statusCode(200)
                .body("items.name", contains(p + "ForKey"));
        as(serviceBearer).get(API_KEYS).then().statusCode(200)
                .body("items.find { it.id == '" + keyId + "' }.name", equalTo(p + "worker"))
                .body("items.find { it.id == '" + keyId + "' }", not(hasKey("key")));

        as(serviceBearer).delete(API_KEYS + "/" + keyId).then().statusCode(204);
        unauthorized(as(apiKey).get(PARTNERS + "/" + partner).then());
        as(serviceBearer).get(API_KEYS).then().statusCode(200)
                .body("items.find { it.id == '" + keyId + "' }.revokedAt", notNullValue());
    }
}
