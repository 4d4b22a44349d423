package io.prmos.engine.agents;

import io.prmos.engine.testing.TestModules;
import static io.prmos.engine.agents.Runs.answer;
import static io.prmos.engine.agents.Runs.call;
import static io.restassured.RestAssured.given;
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
 * The tool {@code kernel.enqueue_job}: an agent enqueues jobs of the types its manifest declares, as its
 * principal (here bob, a sales rep without job roles), idempotently by key; a type it does not declare is
 * a 403 tool error the model hears, and enqueues nothing.
 */
@QuarkusTest
@TestProfile(ScriptedModelProfile.class)
class AgentJobSpec {

    static final String MANIFEST = """
            apiVersion: prm/v1
            module: jobagent
            version: 1.0.0
            entities:
              Memo:
                fields:
                  text: { type: text }
            agents:
              scorer:
                description: Enqueues scoring work.
                instructions: "Score what you are asked to. {input}"
                tools: [kernel.enqueue_job]
                jobs: [jobagent.score]
                triggers:
                  - manual: {}
            """;

    @ConfigProperty(name = "prm.agents.models.default.base-url")
    String modelUrl;

    @BeforeEach
    void publish() {
        TestModules.publishOnce("jobagent", MANIFEST);
    }

    private static String enqueue(String type, String deal, String key) {
        return "{\"type\":\"" + type + "\",\"payload\":{\"deal\":\"" + deal + "\"},\"idempotencyKey\":\"" + key + "\"}";
    }

    @Test
    void anAgentEnqueuesJobsOfItsDeclaredTypesOnlyAsItsPrincipal() throws Exception {
        Runs runs = new Runs(modelUrl);
        String key = "k-" + UUID.randomUUID();
        String deal = UUID.randomUUID().toString();
        runs.script(key, "[" + call("c1", "kernel_enqueue_job", enqueue("jobagent.score", deal, "score-" + deal)) + ","
                + call("c2", "kernel_enqueue_job", enqueue("jobagent.score", deal, "score-" + deal)) + ","
                + call("c3", "kernel_enqueue_job", enqueue("deals.score", deal, "other-" + deal)) + "," + answer("done") + "]");
        String run = given().header("Authorization", Tokens.bearer("bob")).contentType(ContentType.JSON)
                .body("{\"input\":\"" + key + "\"}").post("/api/v1/agents/jobagent.scorer/runs").then().statusCode(201)
                .extract().path("id");
        JsonNode done = Runs.await("bob", run, "succeeded", "failed");
        assertEquals("succeeded", done.path("status").asText(), done.toString());

        List<Map<String, Object>> jobs = given().header("Authorization", Tokens.bearer("alice")).queryParam("type", "jobagent.score")
                .queryParam("limit", 1000).get("/api/v1/jobs").then().statusCode(200).extract().jsonPath().getList("items");
        List<Map<String, Object>> mine = jobs.stream().filter(j -> deal.equals(((Map<?, ?>) j.get("payload")).get("deal"))).toList();
        assertEquals(1, mine.size(), "the second call answers the first job: " + mine);
        assertEquals("score-" + deal, mine.get(0).get("idempotencyKey"));
        assertEquals(Tokens.subject("bob"), mine.get(0).get("createdBy"), "the job is the principal's");

        JsonNode sent = runs.requests(key);
        String tools = sent.get(0).path("tools").toString();
        assertTrue(tools.contains("kernel_enqueue_job") && tools.contains("jobagent.score"), "the tool offers the declared type: " + tools);
        String heard = sent.get(sent.size() - 1).path("messages").toString();
        assertTrue(heard.contains("\\\"created\\\":true") && heard.contains("\\\"created\\\":false"), heard);
        assertTrue(heard.contains("403") && heard.contains("deals.score"), "the undeclared type is refused: " + heard);
        given().header("Authorization", Tokens.bearer("alice")).queryParam("type", "deals.score").queryParam("limit", 1000)
                .get("/api/v1/jobs").then().statusCode(200).extract().jsonPath().getList("items.payload.deal")
                .forEach(d -> assertFalse(deal.equals(d)));
    }
}
