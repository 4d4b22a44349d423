package io.prmos.engine.hooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hooks enqueue jobs through {@code context.jobs()} inside the write's transaction: a committed write
 * leaves its job (once per idempotency key, however often the hook runs), a write rolled back by a
 * later failure of its hook leaves none.
 */
@QuarkusTest
class HookJobSpec {

    private String p;

    @org.junit.jupiter.api.AfterEach
    void stopWatching() {
        SequenceLog.stop();
    }

    @BeforeEach
    void setUp() {
        HookTestModule.install();
        p = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
        SequenceLog.watch(p);
    }

    private static List<Map<String, Object>> jobsOf(String thing) {
        List<Map<String, Object>> items = given().queryParam("type", TestHooks.JOB_TYPE).queryParam("limit", 1000).get("/api/v1/jobs")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(j -> thing.equals(((Map<?, ?>) j.get("payload")).get("thing"))).toList();
    }

    @Test
    void anAfterHookEnqueuesAJobThatCommitsWithTheWrite() {
        String id = given().contentType(ContentType.JSON).body(Map.of("name", p + "-job", "score", 1)).post(HookTestModule.THINGS)
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("score", 2)).patch(HookTestModule.THINGS + "/" + id)
                .then().statusCode(200);
        List<Map<String, Object>> jobs = jobsOf(id);
        assertEquals(1, jobs.size(), "create and update enqueue with the same key: " + jobs);
        assertEquals("queued", jobs.get(0).get("status"));
        assertEquals("thing-" + id, jobs.get(0).get("idempotencyKey"));
        assertEquals(p + "-job", ((Map<?, ?>) jobs.get(0).get("payload")).get("name"));
    }

    @Test
    void aJobEnqueuedByAHookIsRolledBackWithTheWrite() {
        String id = given().contentType(ContentType.JSON).body(Map.of("name", p + "calm", "score", 1)).post(HookTestModule.THINGS)
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("name", p + "-job-after-throw")).patch(HookTestModule.THINGS + "/" + id)
                .then().statusCode(502).body("hook", equalTo("hooktest.Recorder"));
        assertEquals(List.of(), jobsOf(id), "the update and its job were rolled back together");
        given().get(HookTestModule.THINGS + "/" + id).then().statusCode(200).body("name", equalTo(p + "calm"));
    }
}
