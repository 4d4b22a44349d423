package io.prmos.engine.agents;

import static io.prmos.engine.agents.Runs.answer;
import static io.prmos.engine.agents.Runs.call;
import static io.prmos.engine.agents.Runs.recommendation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.events.DomainEvent;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Event and schedule triggers end to end: a won deal starts partner-analyst by itself in the deal's
 * tenant, acting as the agent principal (its roles only, its name in the history, never another
 * tenant's rows); a DealWon whose filter does not hold starts nothing; a schedule time claimed by two
 * racing instances starts exactly one run per tenant.
 */
@QuarkusTest
@TestProfile(ScriptedModelProfile.class)
class AgentTriggerSpec {

    static final String PARTNERS = "/api/v1/partners/partner";
    static final String DEALS = "/api/v1/deals/deal";
    static final String AGENT = "agent:partners.partner-analyst";

    @ConfigProperty(name = "prm.agents.models.default.base-url")
    String modelUrl;

    @Inject
    AgentEventTriggers triggers;

    @Inject
    AgentSchedules schedules;

    @Inject
    CatalogHolder catalogs;

    Runs runs;
    String token;

    @BeforeEach
    void script() {
        runs = new Runs(modelUrl);
        token = UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON);
    }

    private static String partner(String user, String name) {
        return as(user).body(Map.of("name", name, "score", 10, "notes", "secret notes " + name)).post(PARTNERS)
                .then().statusCode(201).extract().path("id");
    }

    /** A deal of the partner moved to proposal by {@code user}; answers its id. */
    private static String proposedDeal(String user, String partner, String name) {
        String id = as(user).body(Map.of("name", name, "partner", partner, "amount", Map.of("amount", 1000, "currency", "EUR")))
                .post(DEALS).then().statusCode(201).extract().path("id");
        for (String t : List.of("qualify", "propose")) {
            as(user).post(DEALS + "/" + id + "/transitions/" + t).then().statusCode(200);
        }
        return id;
    }

    private static void win(String user, String deal) {
        as(user).post(DEALS + "/" + deal + "/transitions/win").then().statusCode(200).body("stage", equalTo("won"));
    }

    /** Waits until {@code user}'s run list holds a run matching {@code which}; answers it. */
    private static JsonNode awaitRun(String user, Predicate<JsonNode> which) throws Exception {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            for (JsonNode run : list(user)) {
                if (which.test(run)) {
                    return run;
                }
            }
            Thread.sleep(150);
        }
        fail("no such run of " + user + ": " + list(user));
        return null;
    }

    private static JsonNode list(String user) throws Exception {
        return Runs.JSON.readTree(as(user).get("/api/v1/agents/runs?agent=partners.partner-analyst&limit=200")
                .then().statusCode(200).extract().asString()).path("items");
    }

    private static boolean mentions(JsonNode run, String text) {
        return run.path("instructions").asText().contains(text);
    }

    @Test
    void aWonDealStartsTheAnalystAsTheAgentPrincipalInTheDealsTenantOnly() throws Exception {
        String globexPartner = partner("dave", "Globex partner " + token);
        String globexDeal = proposedDeal("dave", globexPartner, "Globex deal " + token);
        String partner = partner("alice", "Acme partner " + token);
        String acmeDeal = proposedDeal("alice", partner, "Acme deal " + token);
        // scripts answer the chat requests that mention the key: the event (and so the deal's id) is in the instructions.
        // The acme run reads its partner, searches both deals by name (only acme's is found), then proposes a score change.
        runs.script(acmeDeal, "[" + call("c1", "partners_Partner_get", "{\"id\":\"" + partner + "\"}") + ","
                + call("c2", "deals_Deal_search", "{\"filter\":\"name eq 'Globex deal " + token + "' or name eq 'Acme deal " + token + "'\"}") + ","
                + call("c3", "partners_Partner_update", "{\"id\":\"urn:prm:partners:partner:" + partner + "\",\"values\":{\"score\":66}}")
                + "," + answer(recommendation(partner, "celebrate")) + "]");
        runs.script(globexDeal, "[" + answer("{\"recommendations\":[]}") + "]");
        win("dave", globexDeal);
        win("alice", acmeDeal);

        JsonNode globexRun = awaitRun("dave", r -> mentions(r, globexDeal));
        assertEquals("event", globexRun.path("trigger").asText());
        assertEquals(AGENT, globexRun.path("principal").asText());
        assertTrue(globexRun.path("acts_as_agent").asBoolean());
        assertTrue(list("alice").findValues("instructions").stream().noneMatch(i -> i.asText().contains(globexDeal)),
                "acme never sees the globex run");

        JsonNode run = awaitRun("alice", r -> mentions(r, acmeDeal));
        assertEquals("event", run.path("trigger").asText());
        assertTrue(run.path("trigger_key").asText().startsWith("event:"), run.toString());
        assertEquals(AGENT, run.path("principal").asText());
        assertEquals(List.of("partner_analyst"), Runs.JSON.convertValue(run.path("principal_roles"), List.class));
        String id = run.path("id").asText();
        JsonNode waiting = Runs.await("alice", id, "waiting_for_approval", "failed", "succeeded");
        assertEquals("waiting_for_approval", waiting.path("status").asText(), waiting.toString());
        as("alice").body("{\"decision\":\"approve\"}").post("/api/v1/agents/runs/" + id + "/approvals/c3").then().statusCode(200);
        JsonNode done = Runs.await("alice", id, "succeeded", "failed");
        assertEquals("succeeded", done.path("status").asText(), done.toString());

        JsonNode sent = runs.requests(acmeDeal);
        String first = sent.get(0).toString();
        assertFalse(first.contains("partners_Partner_create"), "the agent principal has no create tool");
        String afterGet = sent.get(1).path("messages").toString();
        assertTrue(afterGet.contains("Acme partner " + token), afterGet);
        assertFalse(afterGet.contains("secret notes"), "notes are hidden from partner_analyst: " + afterGet);
        JsonNode messages = sent.get(2).path("messages");
        String afterSearch = messages.get(messages.size() - 1).toString(); // the search's result
        assertTrue(afterSearch.contains(acmeDeal), "the search finds the acme deal: " + afterSearch);
        assertFalse(afterSearch.contains(globexDeal), "but not the globex deal of the same name pattern: " + afterSearch);
        as("alice").get(PARTNERS + "/" + partner + "/history").then().statusCode(200)
                .body("items[0].changedBy", equalTo(AGENT))
                .body("items[0].changedByName", equalTo("agent partners.partner-analyst"))
                .body("items[0].requestId", equalTo("agent-run:" + id))
                .body("items[0].changes.score.new", equalTo(66));
        as("dave").get(PARTNERS + "/" + globexPartner).then().statusCode(200).body("score", equalTo(10));
    }

    private static DomainEvent dealWon(String tenant, String to) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("id", UUID.randomUUID().toString()).put("transition", "win")
                .put("from", "proposal").put("to", to);
        return new DomainEvent(0, UUID.randomUUID(), tenant, "deals.DealWon", "deals", null, null, null, null, "test",
                OffsetDateTime.now(), data);
    }

    @Test
    void aDealWonWhoseFilterDoesNotHoldStartsNothing() throws Exception {
        DomainEvent lost = dealWon("acme", "lost");
        DomainEvent won = dealWon("acme", "won");
        assertTrue(triggers.accepts(lost), "the subscriber is asked about every DealWon");
        triggers.onEvent(lost).await().atMost(Duration.ofSeconds(10));
        triggers.onEvent(won).await().atMost(Duration.ofSeconds(10));
        triggers.onEvent(won).await().atMost(Duration.ofSeconds(10)); // a redelivery starts nothing more

        awaitRun("alice", r -> r.path("trigger_key").asText().equals("event:" + won.id())); // the filter can hold
        JsonNode all = list("alice");
        assertEquals(1, all.findValues("trigger_key").stream().filter(k -> k.asText().equals("event:" + won.id())).count());
        assertTrue(all.findValues("trigger_key").stream().noneMatch(k -> k.asText().equals("event:" + lost.id())),
                "no run for the event whose filter does not hold");
    }

    @Test
    void aScheduleTimeRacedByTwoInstancesStartsOneRunPerTenant() throws Exception {
        partner("alice", "Scheduled acme " + token); // both tenants have written something
        partner("dave", "Scheduled globex " + token);
        Instant six = Instant.parse("2031-01-01T06:00:00Z").plus(ThreadLocalRandom.current().nextInt(3000), ChronoUnit.DAYS);
        Instant from = six.minusSeconds(30);
        Instant to = six.plusSeconds(30);
        Uni<Integer> a = schedules.fire(from, to, "instance-a");
        Uni<Integer> b = schedules.fire(from, to, "instance-b");
        List<Integer> started = Uni.combine().all().unis(a, b).with(l -> {
            List<Integer> out = new ArrayList<>();
            l.forEach(n -> out.add((Integer) n));
            return out;
        }).await().atMost(Duration.ofSeconds(30));
        assertTrue(started.contains(0), "one instance lost the claim: " + started);
        int tenants = started.get(0) + started.get(1);
        assertTrue(tenants >= 2, "acme and globex at least: " + started);
        assertEquals(0, (int) schedules.fire(from, to, "instance-c").await().atMost(Duration.ofSeconds(10)), "a slot fires once");

        String key = "schedule:" + six;
        for (String user : List.of("alice", "dave")) {
            JsonNode run = awaitRun(user, r -> r.path("trigger_key").asText().equals(key));
            assertEquals("schedule", run.path("trigger").asText());
            assertEquals(AGENT, run.path("principal").asText());
            assertNotNull(run.path("id").asText());
            assertEquals(1, list(user).findValues("trigger_key").stream().filter(k -> k.asText().equals(key)).count());
        }
        assertEquals(List.of(six), AgentSchedules.due(catalogs.current(), from, to).stream().map(AgentSchedules.Due::time).toList());
    }
}
