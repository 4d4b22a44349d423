package io.prmos.engine.api;

import static io.prmos.engine.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Concurrent writers over HTTP: no lost updates, and If-Match lets exactly one racer win. */
@QuarkusTest
class ConcurrencySpec {

    private final ExecutorService pool = Executors.newFixedThreadPool(20);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Runs every task at the same moment and returns their results in task order. */
    private <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void twentyConcurrentPatchesOfDifferentFieldsAreAllKept() throws Exception {
        String id = partner(prefix() + "Busy");
        List<Map<String, Object>> lastOfEachWriter = List.of(
                map("score", 44), map("region", "apac"), map("tier", "platinum"), map("notes", "note 3"), map("joined_on", "2024-05-04"));
        List<List<Map<String, Object>>> writers = List.of(
                List.of(map("score", 11), map("score", 22), map("score", 33), map("score", 44)),
                List.of(map("region", "emea"), map("region", "amer"), map("region", "emea"), map("region", "apac")),
                List.of(map("tier", "silver"), map("tier", "gold"), map("tier", "silver"), map("tier", "platinum")),
                List.of(map("notes", "note 0"), map("notes", "note 1"), map("notes", "note 2"), map("notes", "note 3")),
                List.of(map("joined_on", "2024-05-01"), map("joined_on", "2024-05-02"), map("joined_on", "2024-05-03"),
                        map("joined_on", "2024-05-04")));
        List<Callable<List<Integer>>> tasks = new ArrayList<>();
        for (List<Map<String, Object>> patches : writers) {
            tasks.add(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (Map<String, Object> patch : patches) {
                    statuses.add(json().body(patch).patch(PARTNERS + "/" + id).statusCode());
                }
                return statuses;
            });
        }

        List<Integer> statuses = race(tasks).stream().flatMap(List::stream).toList();

        assertEquals(20, statuses.stream().filter(s -> s == 200).count(), "every patch succeeds: " + statuses);
        var record = given().get(PARTNERS + "/" + id).then().statusCode(200).header("ETag", "\"21\"").extract().jsonPath();
        assertEquals(21, record.getInt("version"));
        for (Map<String, Object> last : lastOfEachWriter) {
            last.forEach((field, value) -> assertEquals(value, record.get(field), field));
        }
    }

    @Test
    void twentyConcurrentPatchesOfOneFieldEachBumpTheVersion() throws Exception {
        String id = partner(prefix() + "Hot");
        List<Callable<Response>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int score = i;
            tasks.add(() -> json().body(map("score", score)).patch(PARTNERS + "/" + id));
        }

        List<Response> responses = race(tasks);

        List<Integer> versions = responses.stream().map(r -> {
            assertEquals(200, r.statusCode(), r.asString());
            return r.<Integer>path("version");
        }).sorted().toList();
        assertEquals(java.util.stream.IntStream.rangeClosed(2, 21).boxed().toList(), versions,
                "each update saw a distinct version");
        given().get(PARTNERS + "/" + id).then().header("ETag", "\"21\"").body("score", isOneOf(
                java.util.stream.IntStream.range(0, 20).boxed().toArray()));
    }

    @Test
    void withIfMatchExactlyOneOfTwoRacingWritersWins() throws Exception {
        for (int round = 0; round < 10; round++) {
            String id = partner(prefix() + "Contested " + round);
            List<Response> responses = race(List.of(
                    () -> json().header("If-Match", "\"1\"").body(map("score", 1)).patch(PARTNERS + "/" + id),
                    () -> json().header("If-Match", "\"1\"").body(map("score", 2)).patch(PARTNERS + "/" + id)));

            List<Integer> statuses = responses.stream().map(Response::statusCode).sorted().toList();
            assertEquals(List.of(200, 412), statuses, "round " + round);
            Response winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
            Response loser = responses.stream().filter(r -> r.statusCode() == 412).findFirst().orElseThrow();
            assertEquals("\"2\"", loser.header("ETag"));
            assertEquals(PROBLEM_JSON, loser.contentType().split(";")[0]);
            given().get(PARTNERS + "/" + id).then().header("ETag", "\"2\"")
                    .body("score", equalTo(winner.<Integer>path("score")));
        }
    }

    @Test
    void readModifyWriteWithIfMatchAndRetriesLosesNoIncrement() throws Exception {
        String id = createId(PARTNERS, map("name", prefix() + "Counter", "score", 0));
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(() -> incrementScore(id));
        }

        race(tasks);

        given().get(PARTNERS + "/" + id).then()
                .body("score", equalTo(10))
                .body("version", equalTo(11))
                .header("ETag", "\"11\"");
    }

    /** Adds one to the score, retrying on 412; returns how many times it had to retry. */
    private static int incrementScore(String id) {
        for (int attempt = 0; attempt < 200; attempt++) {
            Response current = given().get(PARTNERS + "/" + id);
            int score = current.path("score");
            Response written = json().header("If-Match", current.header("ETag")).body(map("score", score + 1))
                    .patch(PARTNERS + "/" + id);
            if (written.statusCode() == 200) {
                return attempt;
            }
            assertEquals(412, written.statusCode(), written.asString());
        }
        throw new AssertionError("gave up after 200 conflicts");
    }
}
