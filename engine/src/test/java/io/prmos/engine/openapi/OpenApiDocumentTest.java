package io.prmos.engine.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /q/openapi documents every generated endpoint and is a valid OpenAPI document. */
@QuarkusTest
class OpenApiDocumentTest {

    private static OpenAPI parse() {
        return parseAs(io.prmos.engine.testing.Tokens.bearer("alice"));
    }

    private static OpenAPI parseAs(String authorization) {
        String json = given().header("Authorization", authorization).accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        assertEquals(List.of(), result.getMessages() == null ? List.of() : result.getMessages(), "parser messages");
        assertNotNull(result.getOpenAPI());
        return result.getOpenAPI();
    }

    @Test
    void theDocumentIsValidAndListsEveryEntityEndpoint() {
        OpenAPI api = parse();
        assertTrue(api.getOpenapi().startsWith("3."), api.getOpenapi());
        for (String base : List.of("/api/v1/organizations/organization", "/api/v1/people/person",
                "/api/v1/partners/partner", "/api/v1/deals/deal")) {
            assertNotNull(api.getPaths().get(base).getGet(), base + " list");
            assertNotNull(api.getPaths().get(base).getPost(), base + " create");
            assertNotNull(api.getPaths().get(base + "/{id}").getPatch(), base + " patch");
            assertNotNull(api.getPaths().get(base + "/{id}").getPut(), base + " put");
            assertNotNull(api.getPaths().get(base + "/{id}").getDelete(), base + " delete");
            assertNotNull(api.getPaths().get(base + "/{id}/restore").getPost(), base + " restore");
            assertNotNull(api.getPaths().get(base + "/bulk").getPost(), base + " bulk");
        }
    }

    @Test
    void schemasFollowTheFieldMetadata() {
        OpenAPI api = parse();
        Schema<?> partner = api.getComponents().getSchemas().get("partners.Partner");
        assertEquals(List.of("registered", "silver", "gold", "platinum"),
                partner.getProperties().get("tier").getEnum());
        Schema<?> input = api.getComponents().getSchemas().get("partners.PartnerInput");
        assertTrue(input.getRequired().contains("name"), "name is required on input");
        assertTrue(!input.getRequired().contains("tier"), "tier has a default, so it is not required");
        assertEquals(100, input.getProperties().get("score").getMaximum().intValue());
        assertEquals(200, input.getProperties().get("name").getMaxLength());
        Schema<?> dealInput = api.getComponents().getSchemas().get("deals.DealInput");
        assertEquals("#/components/schemas/Money", ((Schema<?>) dealInput.getProperties().get("amount")).get$ref());
        assertNotNull(api.getPaths().get("/api/v1/partners/partner/{id}").getPatch().getResponses().get("412"));
        assertNotNull(api.getPaths().get("/api/v1/partners/partner").getPost().getResponses().get("422"));
    }

    @Test
    void theDocumentShowsOnlyWhatTheCallerMaySee() {
        OpenAPI bob = parseAs(io.prmos.engine.testing.Tokens.bearer("bob"));
        Schema<?> partner = bob.getComponents().getSchemas().get("partners.Partner");
        assertTrue(partner.getProperties().containsKey("name"));
        assertTrue(!partner.getProperties().containsKey("notes"), "sales_rep may not see partner notes");
        assertTrue(!partner.getProperties().containsKey("annual_target"), "sales_rep may not see annual targets");
        assertEquals(null, bob.getPaths().get("/api/v1/partners/partner").getPost(), "sales_rep may not create partners");
        assertNotNull(bob.getPaths().get("/api/v1/deals/deal").getPost(), "sales_rep may create deals");

        OpenAPI carol = parseAs(io.prmos.engine.testing.Tokens.bearer("carol"));
        assertEquals(null, carol.getPaths().get("/api/v1/deals/deal"), "partner_viewer has no access to deals");

        OpenAPI anonymous = parseAs("");
        assertTrue(anonymous.getPaths() == null || anonymous.getPaths().keySet().stream()
                        .noneMatch(p -> p.startsWith("/api/v1/") && !p.equals("/api/v1/ui/auth")),
                "an anonymous caller sees no entity endpoints");
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
