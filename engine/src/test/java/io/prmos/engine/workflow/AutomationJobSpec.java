package io.prmos.engine.workflow;

import io.prmos.engine.testing.TestModules;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.events.DomainEvent;
import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The automation {@code job} step: a DealWon automation enqueues one job per event, in the event's tenant,
 * with its payload evaluated on the event; a redelivered event enqueues nothing more; a job whose
 * automation fails later is rolled back with it.
 */
@QuarkusTest
class AutomationJobSpec {

    static final String SCORE = "jobauto.score_deal";
    static final String NEVER = "jobauto.never";

    static final String MANIFEST = """
            apiVersion: prm/v1
            module: jobauto
            version: 1.0.0
            requires:
              deals: "^1.0"
            entities:
              Log:
                fields:
                  text: { type: text, required: true, maxLength: 3 }
            automations:
              - name: score_won_deal
                on: deals.DealWon
                when: "event.data.to == 'won'"
                do:
                  - job: { type: jobauto.score_deal, payload: { deal: "event.data.id", from: "event.data.from" } }
              - name: rolled_back
                on: deals.DealWon
                do:
                  - job: { type: jobauto.never, payload: { deal: "event.data.id" } }
                  - create: { entity: jobauto.Log, values: { text: "'longer than three'" } }
            """;

    @Inject
    Automations automations;

    @BeforeEach
    void publish() {
        TestModules.publishOnce("jobauto", MANIFEST);
    }

    private static DomainEvent dealWon(String tenant, String deal) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("id", deal).put("transition", "win")
                .put("from", "negotiation").put("to", "won");
        return new DomainEvent(0, UUID.randomUUID(), tenant, "deals.DealWon", "deals", null, null, null, null, "test",
                OffsetDateTime.now(), data);
    }

    private static List<Map<String, Object>> jobs(String user, String type, String deal) {
        JsonPath page = given().header("Authorization", Tokens.bearer(user)).queryParam("type", type).queryParam("limit", 1000)
                .get("/api/v1/jobs").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(j -> deal.equals(((Map<?, ?>) j.get("payload")).get("deal"))).toList();
    }

    @Test
    void aDealWonEnqueuesExactlyOneJobEvenWhenTheEventIsDeliveredTwice() {
        String deal = UUID.randomUUID().toString();
        DomainEvent won = dealWon("acme", deal);
        assertTrue(automations.accepts(won));
        automations.onEvent(won).await().atMost(Duration.ofSeconds(10));
        automations.onEvent(won).await().atMost(Duration.ofSeconds(10)); // at-least-once delivery: again

        List<Map<String, Object>> found = jobs("alice", SCORE, deal);
        assertEquals(1, found.size(), found.toString());
        Map<String, Object> job = found.get(0);
        assertEquals("queued", job.get("status"));
        assertEquals(Map.of("deal", deal, "from", "negotiation"), job.get("payload"));
        assertEquals("automation:jobauto.score_won_deal:" + won.id() + ":0", job.get("idempotencyKey"));
        assertEquals("automation:score_won_deal", job.get("createdBy"));
        assertEquals(List.of(), jobs("dave", SCORE, deal), "the job is in the event's tenant only");
    }

    @Test
    void aJobIsRolledBackWithItsAutomationsFailingStep() {
        String deal = UUID.randomUUID().toString();
        automations.onEvent(dealWon("acme", deal)).await().atMost(Duration.ofSeconds(10));
        assertEquals(1, jobs("alice", SCORE, deal).size(), "the other automation ran");
        assertEquals(List.of(), jobs("alice", NEVER, deal), "the failed automation's job never committed");
    }
}
