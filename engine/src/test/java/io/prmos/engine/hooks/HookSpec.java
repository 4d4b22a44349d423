package io.prmos.engine.hooks;

import static io.prmos.engine.hooks.HookTestModule.NOTES;
import static io.prmos.engine.hooks.HookTestModule.THINGS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.engine.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Java hooks over HTTP on the test module {@code hooktest}: the documented order of execution, a
 * hook that rejects, adds errors, throws or overruns its timeout (the write is rolled back and the
 * problem names the hook), after-hooks writing other records, and bulk writes running hooks per item.
 */
@QuarkusTest
class HookSpec {

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

    static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1]);
        }
        return out;
    }

    private static void eventually(Runnable assertion) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    throw new AssertionError(ie);
                }
            }
        }
    }

    private int count(String name) {
        return given().queryParam("filter", "name eq '" + name + "'").get(THINGS).then().statusCode(200)
                .extract().path("items.size()");
    }

    @Test
    void aCreateRunsBeforeHooksRulesWriteAfterHooksOutboxCommitAfterCommitInThatOrder() {
        json().body(map("name", p + "a", "score", 10, "code", "abc")).post(THINGS).then().statusCode(201)
                .body("code", equalTo("ABC"))          // set by the before-hook
                .body("doubled", equalTo(20));          // formula computed after it
        eventually(() -> assertEquals(List.of("beforeCreate score=10", "afterCreate code=ABC changed=[name, code, score, doubled]",
                "observer@100 CREATED", "afterCommit CREATE"), SequenceLog.steps()));
    }

    @Test
    void validationRulesRunAfterBeforeHooksAndStopTheWriteBeforeAfterHooks() {
        json().body(map("name", p + "b", "score", 10, "tier", "platinum")).post(THINGS).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/score"))
                .body("errors[0].code", equalTo("rule"))
                .body("errors[0].message", equalTo("Platinum things need a score of at least 80"));
        assertEquals(List.of("beforeCreate score=10"), SequenceLog.steps());
        assertEquals(0, count(p + "b"));
    }

    @Test
    void metadataValidationRunsBeforeAnyHook() {
        json().body(map("name", p + "c", "score", 5000)).post(THINGS).then().statusCode(422).body("errors[0].pointer", equalTo("/score"));
        assertEquals(List.of(), SequenceLog.steps());
    }

    @Test
    void aRejectingHookIsA422NamingTheHookAndTheField() {
        json().body(map("name", p + "reject", "score", 1)).post(THINGS).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://prmos.io/problems/hook-rejected"))
                .body("hook", equalTo("hooktest.Recorder"))
                .body("errors[0].pointer", equalTo("/score"))
                .body("errors[0].message", equalTo("rejected by the recorder"));
        assertEquals(0, count(p + "reject"));
    }

    @Test
    void fieldErrorsAddedByAHookAreA422OnThatField() {
        json().body(map("name", p + "error", "code", "x")).post(THINGS).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/code"))
                .body("errors[0].code", equalTo("hook"))
                .body("errors[0].message", equalTo("codes must not be chosen by hand"));
        assertEquals(0, count(p + "error"));
    }

    @Test
    void aThrowingBeforeHookIsA502NamingTheHookAndNothingIsWritten() {
        json().body(map("name", p + "throw")).post(THINGS).then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://prmos.io/problems/hook-failed"))
                .body("hook", equalTo("hooktest.Recorder"))
                .body("detail", containsString("boom"));
        assertEquals(0, count(p + "throw"));
    }

    /** Issue 11, item 12: bulks failing in an after-hook, more of them than the pool has connections, leak none. */
    @Test
    void bulksFailingInAHookGiveTheirConnectionsBack() {
        for (int i = 0; i < 40; i++) {
            Map<String, Object> body = map("operations", List.of(map("op", "create", "data", map("name", p + "fine" + i)),
                    map("op", "create", "data", map("name", p + i + "after-throw"))));
            json().body(body).post(THINGS + "/bulk").then().statusCode(502).body("hook", equalTo("hooktest.Recorder"));
        }
        given().queryParam("filter", "name startsWith '" + p + "fine'").get(THINGS).then().statusCode(200).body("items", empty());
        json().body(map("name", p + "works", "score", 1)).post(THINGS).then().statusCode(201);
    }

    @Test
    void aThrowingAfterHookRollsTheUpdateBack() {
        String id = json().body(map("name", p + "calm", "score", 1)).post(THINGS).then().statusCode(201).extract().path("id");
        json().body(map("name", p + "after-throw", "score", 2)).patch(THINGS + "/" + id).then().statusCode(502)
                .body("hook", equalTo("hooktest.Recorder"));
        given().get(THINGS + "/" + id).then().statusCode(200)
                .body("name", equalTo(p + "calm")).body("score", equalTo(1)).body("version", equalTo(1));
    }

    @Test
    void aHookOverrunningItsTimeoutIsStoppedAndTheWriteRolledBack() {
        long start = System.nanoTime();
        json().body(map("name", p + "slow")).post(THINGS).then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://prmos.io/problems/hook-timeout"))
                .body("hook", equalTo("hooktest.Recorder"))
                .body("detail", containsString("500 ms"));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 4000, "the request waited for the slow hook");
        assertEquals(0, count(p + "slow"));
        eventually(() -> assertTrue(SequenceLog.steps().contains("interrupted"), "the hook thread was interrupted: " + SequenceLog.steps()));
    }

    @Test
    void anAfterHookOverrunningItsTimeoutRollsBackTheRowAlreadyWritten() {
        json().body(map("name", p + "after-slow")).post(THINGS).then().statusCode(504).body("hook", equalTo("hooktest.Recorder"));
        assertEquals(0, count(p + "after-slow"));
        assertTrue(SequenceLog.steps().stream().noneMatch(s -> s.startsWith("afterCommit")), SequenceLog.steps().toString());
    }

    @Test
    void afterHooksWriteOtherRecordsInTheSameTransaction() {
        json().body(map("name", p + "audit")).post(THINGS).then().statusCode(201);
        given().queryParam("filter", "text eq 'audit of " + p + "audit'").get(NOTES).then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void bulkWritesRunHooksFormulasAndRulesPerItem() {
        Map<String, Object> body = Map.of("operations", List.of(
                map("op", "create", "data", map("name", p + "bulk1", "score", 3, "code", "q")),
                map("op", "create", "data", map("name", p + "bulk2", "score", 10, "tier", "platinum"))));
        json().body(body).post(THINGS + "/bulk").then().statusCode(422)
                .body("errors[0].pointer", equalTo("/operations/1/data/score"))
                .body("errors[0].message", equalTo("Platinum things need a score of at least 80"));
        assertEquals(0, count(p + "bulk1"));

        SequenceLog.watch(p);
        Map<String, Object> valid = Map.of("operations", List.of(
                map("op", "create", "data", map("name", p + "bulk1", "score", 3, "code", "q")),
                map("op", "create", "data", map("name", p + "bulk2", "score", 90, "tier", "platinum"))));
        json().body(valid).post(THINGS + "/bulk").then().statusCode(200)
                .body("items[0].code", equalTo("Q")).body("items[0].doubled", equalTo(6))
                .body("items[1].doubled", equalTo(180));
        assertEquals(List.of("beforeCreate score=3", "beforeCreate score=90"),
                SequenceLog.steps().stream().filter(s -> s.startsWith("before")).toList());
        assertEquals(2, SequenceLog.steps().stream().filter(s -> s.startsWith("afterCreate")).count());
    }

    @Test
    void updatesCheckRulesOnTheMergedRecordAndRecomputeFormulas() {
        String id = json().body(map("name", p + "m", "score", 90, "tier", "platinum")).post(THINGS).then().statusCode(201)
                .body("doubled", equalTo(180)).extract().path("id");
        json().body(map("score", 50)).patch(THINGS + "/" + id).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/score"));
        json().body(map("score", 50, "tier", "gold")).patch(THINGS + "/" + id).then().statusCode(200)
                .body("doubled", equalTo(100));
        json().body(map("doubled", 7)).patch(THINGS + "/" + id).then().statusCode(422)
                .body("errors[0].pointer", equalTo("/doubled")).body("errors[0].code", equalTo("readOnly"));
    }

    @Test
    void aCustomActionChecksRolesAndInputThenRunsItsHook() {
        String id = json().body(map("name", p + "act", "score", 4)).post(THINGS).then().statusCode(201).extract().path("id");
        String action = THINGS + "/" + id + "/actions/bump";
        json().header("Authorization", Tokens.bearer("bob")).body(map("by", 2)).post(action).then().statusCode(403)
                .contentType("application/problem+json");
        json().body(map("by", 0)).post(action).then().statusCode(422).body("errors[0].pointer", equalTo("/by"));
        json().body(map("by", 2, "extra", true)).post(action).then().statusCode(422);
        json().body(map()).post(action).then().statusCode(422).body("errors[0].pointer", equalTo("/by"));
        json().body(map("by", 3)).post(action).then().statusCode(200)
                .body("action", equalTo("bump")).body("result.score", equalTo(7));
        given().get(THINGS + "/" + id).then().body("score", equalTo(7)).body("doubled", equalTo(14));
        json().body(map("by", 1)).post(THINGS + "/" + id + "/actions/nope").then().statusCode(404);
        json().header("Authorization", Tokens.bearer("dave")).body(map("by", 1)).post(action).then().statusCode(404);
    }

    @Test
    void publishingAManifestNamingAnAbsentHookIsRefusedWithItsLocation() {
        String manifest = HookTestModule.MANIFEST.replace("module: hooktest", "module: hookmissing")
                .replace("afterUpdate: [hooktest.Recorder]", "afterUpdate: [hooktest.NotThere]")
                .replace("hooktest.Note", "hookmissing.Note");
        HookTestModule.publish("hookmissing", manifest).then().statusCode(422)
                .body("errors.pointer", hasItem("/entities/Thing/hooks/afterUpdate/0"))
                .body("errors.message", hasItem(containsString("hook 'hooktest.NotThere' is not installed")))
                .body("errors.line", hasItem(greaterThan(1)));
        given().get("/api/v1/hookmissing/thing").then().statusCode(404);
    }

    @Test
    void publishingAnExpressionThatDoesNotTypeCheckIsRefusedWithItsLocation() {
        String manifest = HookTestModule.MANIFEST.replace("module: hooktest", "module: hookbadcel")
                .replace("formula: \"score * 2\"", "formula: \"scor * 2\"")
                .replace("\"tier != 'platinum' || score >= 80\"", "\"score + 1\"");
        HookTestModule.publish("hookbadcel", manifest).then().statusCode(422)
                .body("errors.pointer", hasItems("/entities/Thing/fields/doubled/formula", "/entities/Thing/validations/0/rule"))
                .body("errors.message", hasItem(containsString("undeclared reference to 'scor'")))
                .body("errors.message", hasItem(containsString("expected bool")));
    }
}
