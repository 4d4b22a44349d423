package io.prmos.engine.agents;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Tools generated from metadata, per principal, executed through the write path under that principal. */
@QuarkusTest
class ToolCatalogSpec {

    static final String PARTNERS = "/api/v1/partners/partner";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ToolExecutor tools;

    static Caller caller(String user, String... roles) {
        return new Caller("acme", Tokens.subject(user), user, Set.of(roles), "tool-spec-" + UUID.randomUUID());
    }

    static String partner(String name, int score) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "score", score, "notes", "secret note"))
                .post(PARTNERS).then().statusCode(201).extract().path("id");
    }

    private ToolExecutor.Outcome call(Caller caller, String tool, String args) throws Exception {
        return tools.call(caller, tool, JSON.readTree(args)).await().atMost(Duration.ofSeconds(20));
    }

    @Test
    void toolListsAndSchemasFollowTheCallersPermissions() {
        Map<String, Tool> alice = tools.tools(caller("alice", "partner_manager", "admin"));
        Map<String, Tool> bob = tools.tools(caller("bob", "sales_rep"));
        Map<String, Tool> carol = tools.tools(caller("carol", "partner_viewer"));

        assertTrue(alice.keySet().containsAll(Set.of("partners.Partner.search", "partners.Partner.update", "partners.Partner.create",
                "deals.Deal.transition.win", "kernel.create_task", "kernel.notify")), alice.keySet().toString());
        assertTrue(carol.containsKey("partners.Partner.search"));
        assertFalse(carol.containsKey("partners.Partner.update"), "carol may not update partners");
        assertFalse(carol.keySet().stream().anyMatch(n -> n.startsWith("deals.")), "carol reads no deals");
        assertFalse(bob.containsKey("deals.Deal.transition.win"), "win needs partner_manager");

        ObjectNode aliceUpdate = alice.get("partners.Partner.update").inputSchema();
        assertTrue(aliceUpdate.at("/properties/values/properties").has("notes"));
        assertEquals("string", aliceUpdate.at("/properties/values/properties/tier/type").asText());
        assertEquals(4, aliceUpdate.at("/properties/values/properties/tier/enum").size(), "a dictionary is an enum");
        assertTrue(aliceUpdate.at("/properties/values/properties/annual_target/required").toString().contains("currency"),
                "money is amount and currency");
        String bobSearch = bob.get("partners.Partner.search").inputSchema().toString();
        assertFalse(bobSearch.contains("notes"), "hidden fields are absent from bob's schemas: " + bobSearch);
        assertFalse(bobSearch.contains("annual_target"));
        assertEquals("partners_Partner_search", alice.get("partners.Partner.search").wireName());
    }

    @Test
    void aWriteToolGoesThroughTheWritePathAndItsHistoryNamesTheCaller() throws Exception {
        String id = partner("Tooled " + UUID.randomUUID(), 10);
        Caller alice = new Caller("acme", Tokens.subject("alice"), "alice via partners.partner-analyst",
                Set.of("partner_manager"), "agent-run:test-" + id.substring(0, 8));
        ToolExecutor.Outcome out = call(alice, "partners_Partner_update",
                "{\"id\":\"urn:prm:partners:partner:" + id + "\",\"values\":{\"score\":55}}");
        assertTrue(out.ok(), out.content().toString());
        assertEquals(55, out.content().path("score").asInt());

        given().get(PARTNERS + "/" + id + "/history").then().statusCode(200)
                .body("items[0].changedByName", equalTo("alice via partners.partner-analyst"))
                .body("items[0].requestId", startsWith("agent-run:test-"))
                .body("items[0].changes.score.new", equalTo(55));

        ToolExecutor.Outcome invalid = call(alice, "partners.Partner.update", "{\"id\":\"" + id + "\",\"values\":{\"score\":500}}");
        assertFalse(invalid.ok());
        assertEquals(422, invalid.content().at("/error/status").asInt(), invalid.content().toString());
        assertEquals("/values/score", invalid.content().at("/error/errors/0/pointer").asText());
    }

    @Test
    void carolCannotUpdateAPartnerAndNothingChanges() throws Exception {
        String id = partner("Guarded " + UUID.randomUUID(), 20);
        ToolExecutor.Outcome out = call(caller("carol", "partner_viewer"), "partners.Partner.update",
                "{\"id\":\"" + id + "\",\"values\":{\"score\":99}}");
        assertFalse(out.ok());
        assertEquals(404, out.content().at("/error/status").asInt(), "a tool carol may not use does not exist for her");
        given().get(PARTNERS + "/" + id).then().statusCode(200).body("score", equalTo(20));
    }

    @Test
    void readToolsNeverShowHiddenFieldsAndSearchUsesTheFilterLanguage() throws Exception {
        String name = "Hidden " + UUID.randomUUID();
        String id = partner(name, 33);
        ToolExecutor.Outcome got = call(caller("bob", "sales_rep"), "partners.Partner.get", "{\"id\":\"" + id + "\"}");
        assertTrue(got.ok(), got.content().toString());
        assertEquals(name, got.content().path("name").asText());
        assertFalse(got.content().has("notes"), "notes are hidden from bob");

        ToolExecutor.Outcome found = call(caller("bob", "sales_rep"), "partners.Partner.search",
                "{\"filter\":\"name eq '" + name + "'\",\"limit\":5}");
        assertTrue(found.ok(), found.content().toString());
        assertEquals(1, found.content().path("items").size());
        assertFalse(found.content().path("items").get(0).has("notes"));

        ToolExecutor.Outcome bad = call(caller("bob", "sales_rep"), "partners.Partner.search", "{\"filter\":\"notes eq 'x'\"}");
        assertFalse(bad.ok(), "a hidden field cannot be filtered on");
        assertEquals(400, bad.content().at("/error/status").asInt());
    }

    @Test
    void kernelToolsCreateTasksAndNotifications() throws Exception {
        String id = partner("Tasked " + UUID.randomUUID(), 1);
        String bob = Tokens.subject("bob");
        ToolExecutor.Outcome task = call(caller("alice", "partner_manager"), "kernel.create_task",
                "{\"title\":\"Call the partner\",\"assignee\":\"" + bob + "\",\"record\":\"urn:prm:partners:partner:" + id + "\"}");
        assertTrue(task.ok(), task.content().toString());
        given().header("Authorization", Tokens.bearer("bob")).get("/api/v1/tasks?assignee=me&status=open").then().statusCode(200)
                .body("items.title", hasItem("Call the partner"));
        given().header("Authorization", Tokens.bearer("bob")).get("/api/v1/notifications?unread=true").then().statusCode(200)
                .body("items.title", hasItem("New task: Call the partner")).body("unread", greaterThanOrEqualTo(1));
        given().header("Authorization", Tokens.bearer("dave")).get("/api/v1/tasks").then().statusCode(200)
                .body("items.title", not(hasItem("Call the partner")));

        ToolExecutor.Outcome foreign = call(caller("alice", "partner_manager"), "kernel.create_task",
                "{\"title\":\"x\",\"assignee\":\"" + bob + "\",\"record\":\"urn:prm:partners:partner:" + UUID.randomUUID() + "\"}");
        assertFalse(foreign.ok());
        assertEquals("/record", foreign.content().at("/error/errors/0/pointer").asText());
    }

    @Test
    void notificationsAreReadAndMarkedByTheirRecipientOnly() {
        String carol = Tokens.subject("carol");
        String nid = given().contentType(ContentType.JSON).body(Map.of("recipient", carol, "title", "Hello carol", "link", "/tasks"))
                .post("/api/v1/notifications").then().statusCode(201).extract().path("id");
        int before = given().header("Authorization", Tokens.bearer("carol")).get("/api/v1/notifications/unread-count")
                .then().statusCode(200).extract().path("unread");
        given().post("/api/v1/notifications/" + nid + "/read").then().statusCode(404); // alice is not the recipient
        given().header("Authorization", Tokens.bearer("carol")).post("/api/v1/notifications/" + nid + "/read").then().statusCode(204);
        given().header("Authorization", Tokens.bearer("carol")).get("/api/v1/notifications/unread-count")
                .then().statusCode(200).body("unread", equalTo(before - 1));
        given().contentType(ContentType.JSON).body(Map.of("recipient", carol, "title", "x", "link", "https://evil.example"))
                .post("/api/v1/notifications").then().statusCode(422).body("errors[0].pointer", equalTo("/link"));
    }
}
