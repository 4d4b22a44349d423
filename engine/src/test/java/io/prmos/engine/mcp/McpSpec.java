package io.prmos.engine.mcp;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.prmos.engine.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The MCP server driven by the official MCP Java SDK client over the Streamable HTTP transport: two
 * users see the tools their roles allow, calls run as the caller (a forbidden one changes nothing, an
 * allowed one is in the record's history under the caller's name), records are resources by URN, and
 * malformed messages are JSON-RPC errors, never a 500.
 */
@QuarkusTest
class McpSpec {

    static final String PARTNERS = "/api/v1/partners/partner";

    @TestHTTPResource("/")
    URL base;

    private McpSyncClient client(String authorization) {
        String url = base.toString().replaceAll("/$", "");
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(url).endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", authorization)).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        return client;
    }

    private static Set<String> names(McpSyncClient client) {
        return client.listTools().tools().stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
    }

    private static String partner(String name, int score) {
        return given().header("Authorization", Tokens.bearer("alice")).contentType(ContentType.JSON)
                .body(Map.of("name", name, "score", score, "notes", "private notes")).post(PARTNERS)
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void twoUsersSeeTheToolsTheirRolesAllowAndCallThemAsThemselves() {
        String id = partner("Mcp partner " + UUID.randomUUID(), 30);
        Map<String, Object> update = Map.of("id", "urn:prm:partners:partner:" + id, "values", Map.of("score", 42));
        try (McpSyncClient alice = client(Tokens.bearer("alice")); McpSyncClient carol = client(Tokens.bearer("carol"))) {
            assertEquals("prm-os", alice.getServerInfo().name());
            Set<String> aliceTools = names(alice);
            Set<String> carolTools = names(carol);
            assertTrue(aliceTools.containsAll(Set.of("partners_Partner_update", "partners_Partner_search", "kernel_create_task")),
                    aliceTools.toString());
            assertTrue(carolTools.contains("partners_Partner_search"), carolTools.toString());
            assertFalse(carolTools.contains("partners_Partner_update"), "carol (partner_viewer) may not update partners");
            assertFalse(carolTools.contains("partners_Partner_create"));
            assertTrue(aliceTools.size() > carolTools.size(), aliceTools.size() + " vs " + carolTools.size());
            McpSchema.Tool search = alice.listTools().tools().stream().filter(t -> t.name().equals("partners_Partner_search"))
                    .findFirst().orElseThrow();
            assertTrue(search.annotations().readOnlyHint());

            McpError refused = assertThrows(McpError.class, () -> carol.callTool(new McpSchema.CallToolRequest("partners_Partner_update", update)));
            assertTrue(refused.getMessage().contains("Unknown tool"), refused.getMessage());
            given().header("Authorization", Tokens.bearer("alice")).get(PARTNERS + "/" + id).then().statusCode(200)
                    .body("score", equalTo(30)).body("version", equalTo(1));

            McpSchema.CallToolResult read = carol.callTool(new McpSchema.CallToolRequest("partners_Partner_get", Map.of("id", id)));
            assertFalse(read.isError(), read.toString());
            String text = ((McpSchema.TextContent) read.content().get(0)).text();
            assertTrue(text.contains("\"score\":30") && !text.contains("private notes"), "carol sees the partner without notes: " + text);

            McpSchema.CallToolResult invalid = alice.callTool(new McpSchema.CallToolRequest("partners_Partner_update",
                    Map.of("id", id, "values", Map.of("score", 1000))));
            assertTrue(invalid.isError(), "a tool that fails is a result with isError: " + invalid);
            assertTrue(((McpSchema.TextContent) invalid.content().get(0)).text().contains("/values/score"), invalid.toString());

            McpSchema.CallToolResult changed = alice.callTool(new McpSchema.CallToolRequest("partners_Partner_update", update));
            assertFalse(changed.isError(), changed.toString());
        }
        given().header("Authorization", Tokens.bearer("alice")).get(PARTNERS + "/" + id + "/history").then().statusCode(200)
                .body("items[0].changedBy", equalTo(Tokens.subject("alice"))).body("items[0].changes.score.new", equalTo(42));
    }

    @Test
    void recordsAreResourcesByUrnAsTheCallerMaySeeThem() {
        String id = partner("Resource partner " + UUID.randomUUID(), 12);
        String urn = "urn:prm:partners:partner:" + id;
        try (McpSyncClient carol = client(Tokens.bearer("carol"))) {
            List<String> templates = carol.listResourceTemplates().resourceTemplates().stream()
                    .map(McpSchema.ResourceTemplate::uriTemplate).toList();
            assertTrue(templates.contains("urn:prm:partners:partner:{id}"), templates.toString());
            McpSchema.ReadResourceResult read = carol.readResource(new McpSchema.ReadResourceRequest(urn));
            String text = ((McpSchema.TextResourceContents) read.contents().get(0)).text();
            assertTrue(text.contains("Resource partner") && !text.contains("private notes"), text);
            assertThrows(McpError.class, () -> carol.readResource(new McpSchema.ReadResourceRequest(
                    "urn:prm:partners:partner:" + UUID.randomUUID())));
        }
        try (McpSyncClient dave = client(Tokens.bearer("dave"))) {
            McpError other = assertThrows(McpError.class, () -> dave.readResource(new McpSchema.ReadResourceRequest(urn)));
            assertTrue(other.getMessage().contains("Resource not found"), "globex never reads acme's record: " + other.getMessage());
        }
    }

    @Test
    void anApiKeyActsWithItsRoles() {
        String key = given().header("Authorization", Tokens.bearer("alice")).contentType(ContentType.JSON)
                .body(Map.of("name", "mcp viewer " + UUID.randomUUID(), "roles", List.of("partner_viewer"))).post("/api/admin/api-keys")
                .then().statusCode(201).extract().path("key");
        try (McpSyncClient viewer = client("ApiKey " + key)) {
            Set<String> tools = names(viewer);
            assertTrue(tools.contains("partners_Partner_get") && !tools.contains("partners_Partner_update"), tools.toString());
        }
    }

    @Test
    void badRequestsAreJsonRpcErrorsAndStrangersAreRefused() {
        given().contentType(ContentType.JSON).body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
                .header("Authorization", "Bearer not-a-token").post("/mcp").then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", "").body("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}").post("/mcp")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
        String alice = Tokens.bearer("alice");
        given().header("Authorization", alice).contentType(ContentType.JSON).body("{not json").post("/mcp")
                .then().statusCode(400).body("error.code", equalTo(-32700)).body("jsonrpc", equalTo("2.0"));
        given().header("Authorization", alice).contentType(ContentType.JSON).body("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]")
                .post("/mcp").then().statusCode(400).body("error.code", equalTo(-32600));
        given().header("Authorization", alice).contentType(ContentType.JSON).body("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"nope\"}")
                .post("/mcp").then().statusCode(200).body("id", equalTo(7)).body("error.code", equalTo(-32601));
        given().header("Authorization", alice).contentType(ContentType.JSON)
                .body("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/call\",\"params\":{\"name\":5}}")
                .post("/mcp").then().statusCode(200).body("id", equalTo("a")).body("error.code", equalTo(-32602));
        given().header("Authorization", alice).contentType(ContentType.JSON)
                .body("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/read\",\"params\":{\"uri\":\"urn:prm:x\"}}")
                .post("/mcp").then().statusCode(200).body("error.code", equalTo(-32002));
        given().header("Authorization", alice).contentType(ContentType.JSON)
                .body("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").post("/mcp").then().statusCode(202);
        given().header("Authorization", alice).contentType(ContentType.JSON).header("MCP-Protocol-Version", "1999-01-01")
                .body("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}").post("/mcp").then().statusCode(400).body("error.code", equalTo(-32600));
        given().header("Authorization", alice).get("/mcp").then().statusCode(405);
    }
}
