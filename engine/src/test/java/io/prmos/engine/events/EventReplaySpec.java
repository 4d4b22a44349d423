package io.prmos.engine.events;

import static io.prmos.engine.events.EventsApi.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.*;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replay of the log from a position, filtered by tenant and read permissions; custom events. */
@QuarkusTest
class EventReplaySpec {

    static final String EVENTS = "/api/v1/events";

    @Inject
    Pool pool;

    @Test
    void replayShowsEachCallerWhatTheyMayRead() {
        long start = lastPosition(pool);
        String p = prefix();
        String id = create(PARTNERS, map("name", p + "Replayed", "notes", "secret plans", "score", 3));
        json().body(map("notes", "more secrets", "score", 4)).patch(PARTNERS + "/" + id).then().statusCode(200);
        String urn = "urn:prm:partners:partner:" + id;

        List<Map<String, Object>> alice = awaitEvents(given(), start, urn, 2);
        assertEquals(List.of("partners.PartnerCreated", "partners.PartnerUpdated"), alice.stream().map(e -> e.get("type")).toList());
        assertEquals("more secrets", path(alice.get(1), "data", "changes", "notes", "new"));
        assertEquals("acme", alice.get(0).get("tenant"));
        assertTrue((int) alice.get(1).get("position") > (int) alice.get(0).get("position"));

        List<Map<String, Object>> bob = awaitEvents(as("bob"), start, urn, 2);
        assertNull(path(bob.get(1), "data", "changes", "notes"), "bob may not see notes");
        assertEquals(4, path(bob.get(1), "data", "changes", "score", "new"));

        assertEquals(List.of(), events(as("dave"), start, urn), "another tenant sees nothing");
        List<Map<String, Object>> carol = events(as("carol"), start, urn);
        assertEquals(2, carol.size(), "partner_viewer reads active partners, and this one is active");
        assertNull(path(carol.get(1), "data", "changes", "notes"), "carol may not see notes");

        String inactive = create(PARTNERS, map("name", p + "Dormant", "active", false));
        String inactiveUrn = "urn:prm:partners:partner:" + inactive;
        awaitEvents(given(), start, inactiveUrn, 1);
        assertEquals(List.of(), events(as("carol"), start, inactiveUrn), "an inactive partner is outside carol's rows");

        List<Map<String, Object>> typed = as("alice").queryParam("after", start).queryParam("types", "partners.PartnerUpdated")
                .get(EVENTS).then().statusCode(200).extract().jsonPath().getList("items");
        assertTrue(typed.stream().allMatch(e -> e.get("type").equals("partners.PartnerUpdated")));
        assertTrue(typed.stream().anyMatch(e -> urn.equals(e.get("subject"))));
    }

    @Test
    void concurrentWritesOfOneRecordAreLoggedInVersionOrder() throws Exception {
        long start = lastPosition(pool);
        String id = create(PARTNERS, map("name", prefix() + "Contended", "score", 0));
        java.util.concurrent.ExecutorService pool8 = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> writes = new java.util.ArrayList<>();
            for (int i = 1; i <= 24; i++) {
                int score = i;
                writes.add(pool8.submit(() -> json().body(map("score", score)).patch(PARTNERS + "/" + id).statusCode()));
            }
            for (java.util.concurrent.Future<Integer> write : writes) {
                assertEquals(200, write.get());
            }
        } finally {
            pool8.shutdown();
        }
        List<Map<String, Object>> logged = awaitEvents(given(), start, "urn:prm:partners:partner:" + id, 25);
        List<Integer> sequences = logged.stream().map(e -> (Integer) e.get("sequence")).toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList(), sequences, "positions follow versions");
        for (int i = 1; i < logged.size(); i++) {
            assertEquals(path(logged.get(i - 1), "data", "changes", "score", "new"), path(logged.get(i), "data", "changes", "score", "old"),
                    "each event starts where the previous one ended");
        }
    }

    @Test
    void replayPagesWithNext() {
        long start = lastPosition(pool);
        String p = prefix();
        for (int i = 0; i < 3; i++) {
            create(ORGANIZATIONS, map("name", p + i));
        }
        awaitStamped(pool, start + 3);
        JsonPath first = given().queryParam("after", start).queryParam("limit", 2).get(EVENTS).then().statusCode(200).extract().jsonPath();
        assertEquals(2, first.getList("items").size());
        long next = first.getLong("next");
        assertEquals(first.getLong("items[1].position"), next);
        JsonPath second = given().queryParam("after", next).queryParam("limit", 2).get(EVENTS).then().extract().jsonPath();
        assertTrue(second.getLong("items[0].position") > next);
        given().queryParam("after", "-1").get(EVENTS).then().statusCode(400).contentType("application/problem+json");
        given().queryParam("limit", "5000").get(EVENTS).then().statusCode(400);
    }

    @Test
    void aCustomEventIsValidatedAgainstItsSchemaAndLogged() {
        long start = lastPosition(pool);
        String partner = create(PARTNERS, map("name", prefix() + "Tiered", "tier", "silver"));
        String urn = "urn:prm:partners:partner:" + partner;
        String eventId = json().body(map("partner", urn, "from", "silver", "to", "gold"))
                .post(EVENTS + "/partners.PartnerTierChanged").then().statusCode(202)
                .body("type", equalTo("partners.PartnerTierChanged")).extract().path("id");

        List<Map<String, Object>> logged = awaitEvents(given(), start, urn, 2);
        Map<String, Object> custom = logged.get(1);
        assertEquals(eventId, custom.get("id"));
        assertEquals("gold", path(custom, "data", "to"));

        json().body(map("partner", urn, "to", "diamond")).post(EVENTS + "/partners.PartnerTierChanged").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://prmos.io/problems/invalid-event-payload"))
                .body("errors[0].pointer", equalTo("/to"));
        json().body(map("from", "silver")).post(EVENTS + "/partners.PartnerTierChanged").then().statusCode(422);
        as("bob").contentType("application/json").body(map("partner", urn, "to", "gold"))
                .post(EVENTS + "/partners.PartnerTierChanged").then().statusCode(403);
        json().body(map()).post(EVENTS + "/partners.NoSuchEvent").then().statusCode(404);
        assertEquals(2, events(given(), start, urn).size(), "refused emissions leave nothing");
    }

    static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user));
    }

    @SuppressWarnings("unchecked")
    static Object path(Map<String, Object> event, String... keys) {
        Object at = event;
        for (String key : keys) {
            at = at == null ? null : ((Map<String, Object>) at).get(key);
        }
        return at;
    }

    static List<Map<String, Object>> events(RequestSpecification request, long after, String subject) {
        List<Map<String, Object>> items = request.queryParam("after", after).queryParam("limit", 1000).get(EVENTS)
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(e -> subject.equals(e.get("subject"))).toList();
    }

    static List<Map<String, Object>> awaitEvents(RequestSpecification request, long after, String subject, int count) {
        long deadline = System.currentTimeMillis() + 20_000;
        List<Map<String, Object>> found;
        do {
            found = events(request, after, subject);
            if (found.size() >= count) {
                return found;
            }
            WebhookReceiver.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("expected " + count + " events of " + subject + ", got " + found);
    }

    static long lastPosition(Pool pool) {
        return pool.query("SELECT coalesce(max(position), 0) FROM prm_kernel.event_outbox").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    static void awaitStamped(Pool pool, long position) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (lastPosition(pool) < position && System.currentTimeMillis() < deadline) {
            WebhookReceiver.sleep(100);
        }
    }
}
