package io.prmos.engine.agents;

import static io.prmos.engine.agents.Runs.answer;
import static io.prmos.engine.agents.Runs.call;
import static io.prmos.engine.agents.Runs.recommendation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Agent runs end to end against a scripted OpenAI-compatible model: LangChain4j's real client streams
 * text and tool calls, tools run as the principal through the API's write path, approvals pause and
 * resume the run, limits and cancel stop it, the output schema is enforced, and the SSE stream resumes.
 */
@QuarkusTest
@TestProfile(ScriptedModelProfile.class)
class AgentRunSpec {

    static final String PARTNERS = "/api/v1/partners/partner";

    @ConfigProperty(name = "prm.agents.models.default.base-url")
    String modelUrl;

    Runs runs;
    String key;

    @BeforeEach
    void script() {
        runs = new Runs(modelUrl);
        key = "k-" + UUID.randomUUID();
    }

    static String partner(String name, int score) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "score", score)).post(PARTNERS)
                .then().statusCode(201).extract().path("id");
    }

    private String body(String partnerId, String limits) {
        return "{\"record\":\"urn:prm:partners:partner:" + partnerId + "\",\"input\":\"" + key + ": review this partner\""
                + (limits == null ? "" : ",\"limits\":" + limits) + "}";
    }

    private static String update(String partnerId, int score) {
        return "{\"id\":\"urn:prm:partners:partner:" + partnerId + "\",\"values\":{\"score\":" + score + "}}";
    }

    @Test
    void aRunReadsThenUpdatesAPartnerAfterApprovalAndTheHistoryNamesTheAgent() throws Exception {
        String id = partner("Analysed " + UUID.randomUUID(), 10);
        runs.script(key, "[" + call("c1", "partners_Partner_get", "{\"id\":\"" + id + "\"}") + ","
                + call("c2", "partners_Partner_update", update(id, 77)) + "," + answer(recommendation(id, "celebrate")) + "]");
        String run = Runs.start("alice", body(id, null));

        JsonNode waiting = Runs.await("alice", run, "waiting_for_approval", "failed");
        assertEquals("waiting_for_approval", waiting.path("status").asText(), waiting.toString());
        assertEquals("c2", waiting.at("/pending_call/callId").asText());
        assertEquals("partners.Partner.update", waiting.at("/pending_call/tool").asText());
        given().get(PARTNERS + "/" + id).then().statusCode(200).body("score", equalTo(10)); // nothing changed before approval
        given().get("/api/v1/notifications?limit=200").then().statusCode(200)
                .body("items.find { it.link == '/agents/runs/" + run + "' }.title", equalTo("Approval needed: partners.partner-analyst"))
                .body("items.find { it.link == '/agents/runs/" + run + "' }.sender", equalTo("agent:partners.partner-analyst"));

        given().header("Authorization", Tokens.bearer("bob")).contentType(ContentType.JSON).body("{\"decision\":\"approve\"}")
                .post("/api/v1/agents/runs/" + run + "/approvals/c2").then().statusCode(404); // bob cannot see alice's run
        given().contentType(ContentType.JSON).body("{\"decision\":\"approve\"}").post("/api/v1/agents/runs/" + run + "/approvals/c1")
                .then().statusCode(409).body("detail", containsString("waiting for call c2"));
        given().contentType(ContentType.JSON).body("{\"decision\":\"maybe\"}").post("/api/v1/agents/runs/" + run + "/approvals/c2")
                .then().statusCode(422).body("errors[0].pointer", equalTo("/decision"));
        given().contentType(ContentType.JSON).body("{\"decision\":\"approve\"}").post("/api/v1/agents/runs/" + run + "/approvals/c2")
                .then().statusCode(200);

        JsonNode done = Runs.await("alice", run, "succeeded", "failed");
        assertEquals("succeeded", done.path("status").asText(), done.toString());
        assertEquals("celebrate", done.at("/output/recommendations/0/action").asText());
        assertEquals(3, done.path("steps").asInt());
        assertEquals(30, done.path("tokens_in").asInt(), "token counts come from the model's usage");
        given().get(PARTNERS + "/" + id).then().statusCode(200).body("score", equalTo(77));
        given().get(PARTNERS + "/" + id + "/history").then().statusCode(200)
                .body("items[0].changedByName", equalTo("alice via partners.partner-analyst"))
                .body("items[0].requestId", equalTo("agent-run:" + run)).body("items[0].changes.score.new", equalTo(77));

        JsonNode sent = runs.requests(key);
        assertEquals(3, sent.size());
        assertTrue(sent.get(0).path("stream").asBoolean(), "the client streams");
        assertTrue(sent.get(0).path("tools").toString().contains("partners_Partner_update"), "alice's tools include the update");
        assertTrue(sent.get(0).at("/messages/0/content").asText().contains("urn:prm:partners:partner:" + id),
                "the instructions name the partner in focus");
        String third = sent.get(2).path("messages").toString();
        assertTrue(third.contains("\\\"score\\\":77"), "the model sees the update's result: " + third);
    }

    @Test
    void aRejectedCallChangesNothingAndTheModelHearsWhy() throws Exception {
        String id = partner("Rejected " + UUID.randomUUID(), 20);
        runs.script(key, "[" + call("r1", "partners_Partner_update", update(id, 90)) + "," + answer(recommendation(id, "review")) + "]");
        String run = Runs.start("alice", body(id, null));
        Runs.await("alice", run, "waiting_for_approval");
        given().contentType(ContentType.JSON).body("{\"decision\":\"reject\",\"comment\":\"score is fine\"}")
                .post("/api/v1/agents/runs/" + run + "/approvals/r1").then().statusCode(200);
        JsonNode done = Runs.await("alice", run, "succeeded", "failed");
        assertEquals("succeeded", done.path("status").asText(), done.toString());
        given().get(PARTNERS + "/" + id).then().statusCode(200).body("score", equalTo(20));
        String second = runs.requests(key).get(1).path("messages").toString();
        assertTrue(second.contains("a person rejected this call") && second.contains("score is fine"), second);
        List<Runs.Sse> events = Runs.stream("alice", run, null);
        List<String> statuses = events.stream().filter(e -> e.event().equals("status")).map(e -> e.data().path("status").asText()).toList();
        assertEquals(List.of("queued", "running", "waiting_for_approval", "queued", "running", "succeeded"), statuses,
                "a client following only status events sees the pause and the resume");
        int pause = events.stream().map(Runs.Sse::event).toList().indexOf("approval_needed");
        assertEquals("waiting_for_approval", events.get(pause - 1).data().path("status").asText(), "the status comes right before the card");
    }

    @Test
    void carolsRunCannotUpdateAPartnerAndTheModelSeesTheToolError() throws Exception {
        String id = partner("Carol's " + UUID.randomUUID(), 30);
        runs.script(key, "[" + call("x1", "partners_Partner_update", update(id, 99)) + "," + answer(recommendation(id, "review")) + "]");
        String run = Runs.start("carol", body(id, null));
        JsonNode done = Runs.await("carol", run, "succeeded", "failed", "waiting_for_approval");
        assertEquals("succeeded", done.path("status").asText(), "carol's update is no tool of hers, so nothing waits: " + done);
        given().get(PARTNERS + "/" + id).then().statusCode(200).body("score", equalTo(30));
        JsonNode sent = runs.requests(key);
        assertFalse(sent.get(0).path("tools").toString().contains("partners_Partner_update"), "carol is not offered the update");
        assertTrue(sent.get(0).path("tools").toString().contains("partners_Partner_search"));
        String second = sent.get(1).path("messages").toString();
        assertTrue(second.contains("\\\"status\\\":404") && second.contains("is available to this run"), second);
        given().header("Authorization", Tokens.bearer("carol")).get("/api/v1/agents/runs?status=succeeded").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(run));
        given().header("Authorization", Tokens.bearer("bob")).get("/api/v1/agents/runs/" + run).then().statusCode(404);
    }

    @Test
    void theStepLimitStopsARunThatKeepsCallingTools() throws Exception {
        String id = partner("Looping " + UUID.randomUUID(), 5);
        String get = "{\"id\":\"" + id + "\"}";
        runs.script(key, "[" + call("s1", "partners_Partner_get", get) + "," + call("s2", "partners_Partner_get", get) + ","
                + call("s3", "partners_Partner_get", get) + "]");
        String run = Runs.start("alice", body(id, "{\"steps\":2}"));
        JsonNode done = Runs.await("alice", run, "succeeded", "failed", "timed_out");
        assertEquals("failed", done.path("status").asText(), done.toString());
        assertTrue(done.path("reason").asText().startsWith("step limit reached"), done.path("reason").asText());
        assertEquals(2, done.path("steps").asInt());
        assertEquals(2, runs.requests(key).size(), "the third step was never asked for");
    }

    @Test
    void theTimeoutStopsARunWhoseModelIsSlow() throws Exception {
        String id = partner("Slow " + UUID.randomUUID(), 5);
        runs.script(key, "[{\"delayMs\":8000,\"text\":[\"late\"]}]");
        long started = System.currentTimeMillis();
        String run = Runs.start("alice", body(id, "{\"timeout\":\"1s\"}"));
        JsonNode done = Runs.await("alice", run, "succeeded", "failed", "timed_out");
        assertEquals("timed_out", done.path("status").asText(), done.toString());
        assertTrue(done.path("reason").asText().contains("limit of 1s"), done.path("reason").asText());
        assertTrue(System.currentTimeMillis() - started < 7000, "stopped at the limit, not when the model answered");
    }

    @Test
    void cancelStopsARunWhileTheModelIsAnswering() throws Exception {
        String id = partner("Cancelled " + UUID.randomUUID(), 5);
        runs.script(key, "[{\"delayMs\":6000,\"text\":[\"too late\"]}]");
        String run = Runs.start("alice", body(id, null));
        Runs.await("alice", run, "running");
        given().post("/api/v1/agents/runs/" + run + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        given().post("/api/v1/agents/runs/" + run + "/cancel").then().statusCode(409).body("type", containsString("run-ended"));
        Thread.sleep(500);
        JsonNode after = Runs.get("alice", run);
        assertEquals("cancelled", after.path("status").asText());
        assertTrue(after.path("reason").asText().contains("alice"), after.toString());
        List<Runs.Sse> events = Runs.stream("alice", run, null);
        assertEquals("cancelled", events.get(events.size() - 1).data().path("status").asText(), "the stream ends with the cancel");
    }

    @Test
    void theStreamShowsTextToolCallsAndOutputAndResumesAfterLastEventId() throws Exception {
        String id = partner("Streamed " + UUID.randomUUID(), 5);
        String output = recommendation(id, "escalate");
        String[] deltas = {output.substring(0, 20), output.substring(20, 50), output.substring(50)};
        runs.script(key, "[" + call("t1", "partners_Partner_get", "{\"id\":\"" + id + "\"}") + ",{\"text\":"
                + Runs.JSON.valueToTree(deltas) + ",\"deltaDelayMs\":200}]");
        String run = Runs.start("alice", body(id, null));
        List<Runs.Sse> live = Runs.stream("alice", run, null);
        List<String> kinds = live.stream().map(Runs.Sse::event).toList();
        assertEquals("queued", live.get(0).data().path("status").asText(), kinds.toString());
        assertTrue(kinds.containsAll(List.of("status", "message", "tool_call", "tool_result", "text", "output")), kinds.toString());
        assertTrue(kinds.indexOf("tool_call") < kinds.indexOf("tool_result") && kinds.indexOf("tool_result") < kinds.indexOf("output"));
        String text = live.stream().filter(e -> e.event().equals("text")).map(e -> e.data().path("delta").asText())
                .reduce("", String::concat);
        assertEquals(output, text, "the deltas add up to the answer");
        assertEquals("succeeded", live.get(live.size() - 1).data().path("status").asText());
        for (int i = 0; i < live.size(); i++) {
            assertEquals(String.valueOf(i + 1), live.get(i).id(), "events are numbered without gaps");
        }
        List<Runs.Sse> resumed = Runs.stream("alice", run, "3");
        assertEquals("4", resumed.get(0).id(), "resume continues after Last-Event-ID");
        assertEquals(live.size() - 3, resumed.size());
        given().header("Last-Event-ID", "x").get("/api/v1/agents/runs/" + run + "/stream").then().statusCode(400);
    }

    @Test
    void aMalformedOrOffSchemaAnswerFailsTheRunClearly() throws Exception {
        String id = partner("Malformed " + UUID.randomUUID(), 5);
        runs.script(key, "[" + answer("I think this partner is fine.") + "]");
        String run = Runs.start("alice", body(id, null));
        JsonNode done = Runs.await("alice", run, "succeeded", "failed");
        assertEquals("failed", done.path("status").asText());
        assertTrue(done.path("reason").asText().startsWith("the final answer is not JSON"), done.path("reason").asText());

        String other = "k-" + UUID.randomUUID();
        runs.script(other, "[" + answer(recommendation(id, "party")) + "]");
        String run2 = Runs.start("alice", "{\"input\":\"" + other + "\"}");
        JsonNode done2 = Runs.await("alice", run2, "succeeded", "failed");
        assertEquals("failed", done2.path("status").asText());
        assertTrue(done2.path("reason").asText().contains("does not satisfy the output schema")
                && done2.path("reason").asText().contains("/recommendations/0/action"), done2.path("reason").asText());
        assertTrue(done2.path("output").isNull(), "no output is stored");
    }

    @Test
    void aModelErrorFailsTheRunAndBadRequestsChangeNothing() throws Exception {
        runs.script(key, "[{\"status\":500,\"message\":\"overloaded\"}]");
        String run = Runs.start("alice", "{\"input\":\"" + key + "\"}");
        JsonNode done = Runs.await("alice", run, "succeeded", "failed");
        assertTrue(done.path("reason").asText().startsWith("the model failed"), done.toString());

        given().contentType(ContentType.JSON).body("{\"record\":\"nope\",\"limits\":{\"steps\":0,\"timeout\":\"soon\"},\"x\":1}")
                .post(Runs.AGENT).then().statusCode(422).body("errors.pointer", org.hamcrest.Matchers.hasItems("/record", "/limits/steps",
                        "/limits/timeout", "/x"));
        given().contentType(ContentType.JSON).body("{\"record\":\"urn:prm:partners:partner:" + UUID.randomUUID() + "\"}")
                .post(Runs.AGENT).then().statusCode(422).body("errors[0].code", equalTo("unknown-record"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/agents/partners.nobody/runs").then().statusCode(404)
                .body("type", startsWith("https://"));
        given().get("/api/v1/agents/runs?status=sleeping").then().statusCode(400);
        given().get("/api/v1/agents/runs?cursor=nonsense").then().statusCode(400).body("detail", containsString("cursor"));
    }

    @Test
    void theRunListFiltersByRecordAndPagesWithACursor() throws Exception {
        String id = partner("Listed " + UUID.randomUUID(), 30);
        runs.script(key, "[{\"status\":500},{\"status\":500},{\"status\":500}]");
        List<String> started = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            started.add(0, Runs.start("alice", body(id, null)));
        }
        String record = "urn:prm:partners:partner:" + id;
        List<String> first = given().queryParam("record", record).queryParam("limit", 2).get("/api/v1/agents/runs")
                .then().statusCode(200).extract().path("items.id");
        String cursor = given().queryParam("record", record).queryParam("limit", 2).get("/api/v1/agents/runs")
                .then().extract().path("nextCursor");
        List<String> second = given().queryParam("record", record).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/v1/agents/runs").then().statusCode(200).body("nextCursor", org.hamcrest.Matchers.nullValue())
                .extract().path("items.id");
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        assertEquals(started, all, "newest first, three runs about the record over two pages");
        given().queryParam("record", "urn:prm:partners:partner:" + UUID.randomUUID()).get("/api/v1/agents/runs")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
    }
}
