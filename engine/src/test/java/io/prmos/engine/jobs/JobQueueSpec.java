package io.prmos.engine.jobs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.*;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The job queue over HTTP: idempotent enqueue, long-poll lease, heartbeat, complete, retries with backoff, dead letter, tenancy. */
@QuarkusTest
class JobQueueSpec {

    static final String JOBS = "/api/v1/jobs";

    static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A job type no other test leases from. */
    static String type() {
        return "jobspec.score_" + UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonPath lease(String type, int waitSeconds, int leaseSeconds) {
        Response r = json().body(Map.of("types", List.of(type), "waitSeconds", waitSeconds, "leaseSeconds", leaseSeconds))
                .post(JOBS + "/lease");
        assertTrue(r.statusCode() == 200 || r.statusCode() == 204, r.asString());
        return r.statusCode() == 204 ? null : r.jsonPath();
    }

    @Test
    void anIdempotencyKeyEnqueuesOnceAndRefusesAnotherJob() {
        String type = type();
        String key = "deal-42-" + UUID.randomUUID();
        String id = json().header("Idempotency-Key", key).body(Map.of("type", type, "payload", Map.of("deal", "42")))
                .post(JOBS).then().statusCode(201).body("status", equalTo("queued")).body("attempts", equalTo(0))
                .body("idempotencyKey", equalTo(key)).extract().path("id");
        json().header("Idempotency-Key", key).body(Map.of("type", type, "payload", Map.of("deal", "42")))
                .post(JOBS).then().statusCode(200).body("id", equalTo(id));
        json().body(Map.of("type", type, "payload", Map.of("deal", "43"), "idempotencyKey", key))
                .post(JOBS).then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("idempotency-key-reused"));
        assertEquals(1, given().queryParam("type", type).get(JOBS).then().statusCode(200).extract().jsonPath().getList("items").size());
    }

    @Test
    void badJobsAreRefusedWithPointersAndChangeNothing() {
        String type = type();
        json().body(Map.of("type", "Not A Type", "payload", List.of(1), "maxAttempts", 0)).post(JOBS).then().statusCode(422)
                .body("errors.pointer", equalTo(List.of("/type", "/payload", "/maxAttempts")));
        json().body(Map.of("types", List.of(), "waitSeconds", 99)).post(JOBS + "/lease").then().statusCode(422)
                .body("errors.pointer", equalTo(List.of("/types", "/waitSeconds")));
        json().body("[]").post(JOBS).then().statusCode(400);
        json().body(Map.of("leaseToken", "nope")).post(JOBS + "/" + UUID.randomUUID() + "/complete").then().statusCode(422);
        json().body(Map.of("leaseToken", UUID.randomUUID().toString())).post(JOBS + "/" + UUID.randomUUID() + "/complete")
                .then().statusCode(404);
        assertNull(lease(type, 0, 30));
    }

    @Test
    void aWaitingLeaseWakesWhenAJobIsEnqueuedAndTheHolderCompletesIt() throws Exception {
        String type = type();
        CompletableFuture<JsonPath> waiting = CompletableFuture.supplyAsync(() -> lease(type, 20, 30));
        Thread.sleep(500);
        long enqueuedAt = System.nanoTime();
        String id = json().body(Map.of("type", type, "payload", Map.of("deal", "7"))).post(JOBS).then().statusCode(201)
                .extract().path("id");
        JsonPath leased = waiting.get(15, TimeUnit.SECONDS);
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - enqueuedAt) < 10_000, "woken by the enqueue, not the wait");
        assertEquals(id, leased.getString("id"));
        assertEquals("leased", leased.getString("status"));
        assertEquals(1, leased.getInt("attempts"));
        assertEquals("7", leased.getString("payload.deal"));
        String token = leased.getString("leaseToken");

        json().body(Map.of("leaseToken", token, "leaseSeconds", 120)).post(JOBS + "/" + id + "/heartbeat").then().statusCode(200)
                .body("status", equalTo("leased"));
        assertNull(lease(type, 0, 30), "a leased job is not leased twice");
        json().body(Map.of("leaseToken", UUID.randomUUID().toString(), "result", Map.of())).post(JOBS + "/" + id + "/complete")
                .then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("lease-lost"));
        json().body(Map.of("leaseToken", token, "result", Map.of("score", 81))).post(JOBS + "/" + id + "/complete")
                .then().statusCode(200).body("status", equalTo("done")).body("result.score", equalTo(81));
        json().body(Map.of("leaseToken", token, "result", Map.of("score", 81))).post(JOBS + "/" + id + "/complete")
                .then().statusCode(200).body("status", equalTo("done"));
        given().get(JOBS + "/" + id).then().statusCode(200).body("status", equalTo("done")).body("leaseToken", equalTo(null));
        given().queryParam("status", "done").queryParam("type", type).get(JOBS).then().statusCode(200).body("items.id", equalTo(List.of(id)));
    }

    @Test
    void failuresAreRetriedAfterABackoffThenDeadUntilAnAdminRetries() throws Exception {
        String type = type();
        String id = json().body(Map.of("type", type, "payload", Map.of(), "maxAttempts", 2)).post(JOBS).then().statusCode(201)
                .extract().path("id");
        JsonPath first = lease(type, 5, 30);
        json().body(Map.of("leaseToken", first.getString("leaseToken"), "error", "scoring service down")).post(JOBS + "/" + id + "/fail")
                .then().statusCode(200).body("status", equalTo("queued")).body("lastError", equalTo("scoring service down"));
        JsonPath second = lease(type, 10, 30);
        assertNotNull(second, "leased again after the backoff");
        assertEquals(2, second.getInt("attempts"));
        json().body(Map.of("leaseToken", second.getString("leaseToken"), "error", "still down")).post(JOBS + "/" + id + "/fail")
                .then().statusCode(200).body("status", equalTo("dead"));
        assertNull(lease(type, 1, 30), "a dead job is not leased");
        given().queryParam("status", "dead").queryParam("type", type).get(JOBS).then().body("items.id", equalTo(List.of(id)));

        given().header("Authorization", Tokens.bearer("bob")).post(JOBS + "/" + id + "/retry").then().statusCode(403);
        given().post(JOBS + "/" + id + "/retry").then().statusCode(200).body("status", equalTo("queued")).body("attempts", equalTo(0));
        given().post(JOBS + "/" + id + "/retry").then().statusCode(409);
        assertEquals(id, lease(type, 5, 30).getString("id"));
    }

    @Test
    void anExpiredLeaseGoesToTheNextWorkerAndTheFirstTokenIsRefused() throws Exception {
        String type = type();
        String id = json().body(Map.of("type", type, "payload", Map.of())).post(JOBS).then().statusCode(201).extract().path("id");
        JsonPath first = lease(type, 5, 5);
        Thread.sleep(5_500);
        JsonPath second = lease(type, 5, 30);
        assertEquals(id, second.getString("id"));
        assertEquals(2, second.getInt("attempts"));
        assertEquals("the lease expired", second.getString("lastError"));
        json().body(Map.of("leaseToken", first.getString("leaseToken"))).post(JOBS + "/" + id + "/complete").then().statusCode(409);
        json().body(Map.of("leaseToken", first.getString("leaseToken"))).post(JOBS + "/" + id + "/heartbeat").then().statusCode(409);
    }

    @Test
    void jobsBelongToTheirTenantAndNeedAJobRole() {
        String type = type();
        String id = json().body(Map.of("type", type, "payload", Map.of("secret", "acme"))).post(JOBS).then().statusCode(201)
                .extract().path("id");
        String dave = Tokens.bearer("dave");
        given().header("Authorization", dave).get(JOBS + "/" + id).then().statusCode(404);
        given().header("Authorization", dave).queryParam("type", type).get(JOBS).then().statusCode(200).body("items", equalTo(List.of()));
        json().header("Authorization", dave).body(Map.of("types", List.of(type), "waitSeconds", 0)).post(JOBS + "/lease")
                .then().statusCode(204);
        given().header("Authorization", Tokens.bearer("bob")).get(JOBS).then().statusCode(403);
        json().header("Authorization", Tokens.bearer("bob")).body(Map.of("type", type)).post(JOBS).then().statusCode(403);

        String key = json().body(Map.of("name", "scoring worker", "roles", List.of("job_worker"))).post("/api/admin/api-keys")
                .then().statusCode(201).extract().path("key");
        Response leased = json().header("Authorization", "ApiKey " + key)
                .body(Map.of("types", List.of(type), "waitSeconds", 2)).post(JOBS + "/lease");
        assertEquals(200, leased.statusCode(), leased.asString());
        assertEquals(id, leased.jsonPath().getString("id"));
    }
}
