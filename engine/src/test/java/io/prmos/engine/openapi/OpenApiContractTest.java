package io.prmos.engine.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The document as generated clients meet it (issue 15): every kernel endpoint documented, schemas a
 * generator can use, ids that accept public ids, defined security schemes, per-caller filtering.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode document(String authorization) throws Exception {
        // an empty Authorization header is anonymous (DefaultCallerCallback signs in as alice otherwise)
        var request = given().accept("application/json").header("Authorization", authorization == null ? "" : authorization);
        return JSON.readTree(request.get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    @Test
    void everyKernelEndpointIsDocumentedForAlice() throws Exception {
        JsonNode doc = document(Tokens.bearer("alice"));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi-alice.json"), doc.toPrettyString());
        String deal = "/api/v1/deals/deal";
        String partner = "/api/v1/partners/partner";
        for (String path : List.of("/api/v1/events", "/api/v1/events/stream", "/api/v1/events/partners.PartnerTierChanged",
                "/api/v1/activity", "/api/v1/recycle-bin", "/api/v1/search", "/api/v1/resolve", "/api/v1/links", "/api/v1/links/{id}",
                deal + "/{id}/history", deal + "/{id}/links", deal + "/{id}/purge", deal + "/export", deal + "/import",
                deal + "/{id}/transitions/qualify", partner + "/{id}/children", partner + "/{id}/ancestors", partner + "/{id}/subtree",
                "/api/v1/ui/auth", "/api/v1/ui/metadata", "/api/v1/ui/views", "/api/v1/ui/views/{id}", "/api/v1/ui/quickfind",
                "/api/admin/modules", "/api/admin/webhooks", "/api/admin/api-keys", "/api/admin/custom-fields",
                "/api/admin/dictionaries/{dictionary}/values", "/api/dev-identity/token", "/api/v1/agents", "/api/v1/agents/{agent}/runs",
                "/api/v1/agents/runs", "/api/v1/agents/runs/{id}", "/api/v1/agents/runs/{id}/cancel",
                "/api/v1/agents/runs/{id}/approvals/{callId}", "/api/v1/agents/runs/{id}/stream")) {
            assertTrue(doc.path("paths").has(path), "documented: " + path);
        }
        List<String> params = new ArrayList<>();
        doc.at("/paths/" + escape(deal) + "/get/parameters").forEach(p -> params.add(p.path("name").asText()));
        assertTrue(params.containsAll(List.of("expand", "deleted", "filter", "sort", "fields")), params.toString());
    }

    @Test
    void schemasAreOnesGeneratorsCanUse() throws Exception {
        JsonNode schemas = document(Tokens.bearer("alice")).path("components").path("schemas");
        JsonNode details = schemas.at("/deals.Deal/properties/details");
        assertFalse(details.path("type").asText().equals("null"), "json is any value, not null: " + details);
        assertFalse(details.path("type").isArray(), "json is any value: " + details);
        assertFalse(schemas.path("deals.DealPatch").has("required"), "a patch requires nothing");
        assertTrue(schemas.at("/deals.DealInput/required").toString().contains("name"));
        JsonNode partner = schemas.path("partners.Partner").path("properties");
        assertTrue(partner.has("urn") && partner.has("public_id"), "urn and public_id are read");
        assertTrue(partner.path("annual_target").path("anyOf").toString().contains("\"null\""), "nullable money: " + partner.path("annual_target"));
        assertEquals("object", schemas.at("/SearchResults/type").asText(), "search is typed");
        assertTrue(schemas.at("/SearchResults/properties/groups/items/properties/items/items/properties").has("snippet"));
        assertFalse(schemas.has("JsonNode"), "no Jackson types leak into the document");
    }

    @Test
    void idsAcceptPublicIdsAndSecurityIsDefined() throws Exception {
        JsonNode doc = document(Tokens.bearer("alice"));
        JsonNode id = doc.at("/paths/" + escape("/api/v1/partners/partner/{id}") + "/parameters/0");
        assertEquals("id", id.path("name").asText());
        assertFalse(id.path("schema").has("format"), "not only uuids: " + id);
        assertTrue(doc.path("servers").size() > 0, "servers");
        Set<String> defined = new TreeSet<>();
        doc.at("/components/securitySchemes").fieldNames().forEachRemaining(defined::add);
        Set<String> used = new TreeSet<>();
        doc.path("security").forEach(r -> r.fieldNames().forEachRemaining(used::add));
        doc.path("paths").forEach(item -> item.forEach(op -> op.path("security").forEach(r -> r.fieldNames().forEachRemaining(used::add))));
        assertTrue(defined.containsAll(used), "every scheme used is defined: " + used + " of " + defined);
    }

    @Test
    void eachCallerSeesWhatTheyMayCall() throws Exception {
        JsonNode carol = document(Tokens.bearer("carol")).path("paths");
        carol.fieldNames().forEachRemaining(p -> assertFalse(p.startsWith("/api/admin"), "carol sees no admin path: " + p));
        assertTrue(carol.has("/api/v1/partners/partner"));
        JsonNode dave = document(Tokens.bearer("dave")).path("paths");
        assertTrue(dave.at("/" + escape("/api/admin/modules")).has("get"), "a tenant admin reads what is installed");
        assertFalse(dave.at("/" + escape("/api/admin/modules")).has("post"), "only platform operators publish");
        assertTrue(document(Tokens.bearer("alice")).at("/paths/" + escape("/api/admin/modules")).has("post"));
        JsonNode anonymous = document(null);
        assertTrue(anonymous.path("paths").has("/api/v1/ui/auth"));
        assertTrue(anonymous.path("paths").has("/api/dev-identity/token"), "the sign-in endpoint is documented");
        anonymous.path("paths").fieldNames().forEachRemaining(p -> assertFalse(p.startsWith("/api/v1/partners"), p));
        assertEquals("oauth2", anonymous.at("/components/securitySchemes/signIn/type").asText());
        assertEquals("/api/dev-identity/token", anonymous.at("/components/securitySchemes/signIn/flows/password/tokenUrl").asText());
    }

    @Test
    void swaggerUiSignsInWithThePasswordGrant() {
        String token = given().contentType("application/x-www-form-urlencoded; charset=utf-8").formParam("grant_type", "password")
                .formParam("username", "carol").formParam("password", "").post("/api/dev-identity/token")
                .then().statusCode(200).extract().path("access_token");
        assertNotNull(token);
        given().header("Authorization", "Bearer " + token).get("/api/v1/partners/partner").then().statusCode(200);
        String config = given().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        assertTrue(config.contains("persistAuthorization"), "Swagger UI keeps the sign-in across the reload");
    }

    static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}
