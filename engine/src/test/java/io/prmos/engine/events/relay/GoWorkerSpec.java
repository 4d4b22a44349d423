package io.prmos.engine.events.relay;

import io.prmos.engine.testing.WorkerOutput;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The example Go worker (tools/examples/go-worker) end to end: built with {@code go build} (its unit tests run
 * first), it leases partner-health jobs with an API key, scores each partner from its deals and writes the
 * score back with If-Match once; a write that conflicts is failed, retried and written with fresh data; a
 * malformed job and one for a missing partner are refused with their reason and dead-lettered; a job leased
 * a second time after an earlier holder wrote the score writes nothing; SIGTERM stops it cleanly. Without a
 * {@code go} toolchain the spec fails (CI installs golang-go), it is not skipped.
 */
@QuarkusTest
class GoWorkerSpec {

    private static final Path SOURCE = Path.of("..", "tools", "examples", "go-worker");
    private static final Path BUILD = Path.of("target", "go-worker");
    private static final String PARTNERS = "/api/v1/partners/partner";
    private static final String DEALS = "/api/v1/deals/deal";
    private static final String JOBS = "/api/v1/jobs";

    @TestHTTPResource("/")
    URL engine;

    @Test
    void theWorkerScoresPartnersOnceRefusesMalformedJobsAndRetriesConflicts() throws Exception {
        Path binary = build();
        String type = "partners.health.spec" + UUID.randomUUID().toString().substring(0, 8);
        String apiKey = json().body(Map.of("name", "go health worker", "roles", List.of("job_worker", "partner_manager")))
                .post("/api/admin/api-keys").then().statusCode(201).extract().path("key");
        // attainment 80k of 100k -> 40, win rate 2 of 3 -> 20, one open deal -> 4
        String steady = partner(100_000, new int[] {60_000, 20_000}, new int[] {10_000}, new int[] {30_000});
        // 50k of 50k -> 50, 1 of 1 won -> 30
        String contested = partner(50_000, new int[] {50_000}, new int[0], new int[0]);
        // no target, 1 of 1 won -> 30
        String rescored = partner(0, new int[] {10_000}, new int[0], new int[0]);

        // an earlier worker leased this job, wrote the score and died before completing it
        String twice = enqueue(type, Map.of("partner", rescored), "twice-" + rescored, 5);
        JsonPath firstLease = json().body(Map.of("types", List.of(type), "waitSeconds", 5, "leaseSeconds", 5)).post(JOBS + "/lease")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(twice, firstLease.getString("id"));
        int rescoredVersion = json().body(Map.of("score", 30)).patch(PARTNERS + "/" + rescored).then().statusCode(200)
                .extract().path("version");

        ProcessBuilder builder = new ProcessBuilder(binary.toString()).redirectErrorStream(true);
        builder.environment().put("PRM_URL", engine.toString());
        builder.environment().put("PRM_API_KEY", apiKey);
        builder.environment().put("PRM_JOB_TYPE", type);
        builder.environment().put("PRM_LEASE_SECONDS", "6");
        builder.environment().put("PRM_HOLD_BEFORE_WRITE", "3s");
        Process worker = builder.start();
        WorkerOutput output = WorkerOutput.of(worker);
        try {
            output.await("listening for " + type + " jobs");
            int steadyVersion = given().get(PARTNERS + "/" + steady).then().extract().path("version");
            String steadyJob = enqueue(type, Map.of("partner", steady), "health-" + steady, 5);
            assertEquals(steadyJob, enqueue(type, Map.of("partner", steady), "health-" + steady, 5), "one job per idempotency key");
            JsonPath done = awaitJob(steadyJob, "done");
            assertEquals(1, done.getInt("attempts"));
            assertEquals(64, done.getInt("result.score"));
            assertTrue(done.getBoolean("result.written"));
            JsonPath written = given().get(PARTNERS + "/" + steady).then().statusCode(200).extract().jsonPath();
            assertEquals(64, written.getInt("score"));
            assertEquals(steadyVersion + 1, written.getInt("version"), "written once");
            assertNotEquals(written.getString("created_by"), written.getString("updated_by"), "written back by the API key");
            output.await("heartbeat job " + steadyJob);

            // the partner changes between the worker's read and its write: 412, failed with the reason, retried
            String contestedJob = enqueue(type, Map.of("partner", contested), "health-" + contested, 5);
            output.await("job " + contestedJob + ": partner " + contested + " version");
            int changed = json().body(Map.of("notes", "changed while scoring")).patch(PARTNERS + "/" + contested).then().statusCode(200)
                    .extract().path("version");
            JsonPath retried = awaitJob(contestedJob, "done");
            assertEquals(2, retried.getInt("attempts"));
            assertTrue(retried.getString("lastError").contains("changed while its health was computed"), retried.prettify());
            JsonPath contestedNow = given().get(PARTNERS + "/" + contested).then().extract().jsonPath();
            assertEquals(80, contestedNow.getInt("score"));
            assertEquals("changed while scoring", contestedNow.getString("notes"), "the other writer's change is kept");
            assertEquals(changed + 1, contestedNow.getInt("version"));
            assertTrue(output.lines().stream().anyMatch(l -> l.contains("conflict on job " + contestedJob)), output.toString());

            // malformed payloads and a missing partner: refused at once with the reason, dead (no pointless retries)
            String malformed = enqueue(type, Map.of("partner", "not-a-uuid"), null, 3);
            String extra = enqueue(type, Map.of("partner", steady, "force", true), null, 3);
            String nobody = UUID.randomUUID().toString();
            String missing = enqueue(type, Map.of("partner", nobody), null, 3);
            assertRefused(awaitJob(malformed, "dead"), "payload.partner \"not-a-uuid\" is not a partner id");
            assertRefused(awaitJob(extra, "dead"), "unknown field \"force\"");
            assertRefused(awaitJob(missing, "dead"), "reading partner " + nobody + ": 404");

            // leased again after the first lease expired: the score is there already, nothing is written twice
            JsonPath second = awaitJob(twice, "done");
            assertEquals(2, second.getInt("attempts"));
            assertFalse(second.getBoolean("result.written"));
            assertEquals(30, second.getInt("result.score"));
            JsonPath rescoredNow = given().get(PARTNERS + "/" + rescored).then().extract().jsonPath();
            assertEquals(rescoredVersion, rescoredNow.getInt("version"), "no second write");
            assertEquals(rescoredNow.getString("created_by"), rescoredNow.getString("updated_by"));

            for (String partner : List.of(steady, contested, rescored)) {
                assertEquals(1, scoreChanges(partner), "one score write in the history of " + partner);
            }
        } finally {
            worker.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the output we read
            assertTrue(worker.waitFor(20, TimeUnit.SECONDS), "the worker stops on SIGTERM");
            output.join(5_000);
        }
        assertEquals(0, worker.exitValue(), output.toString());
        assertTrue(output.lines().get(output.lines().size() - 1).endsWith("stopped"), output.toString());
    }

    /** Runs the worker's unit tests and builds it into target/ with the go toolchain; fails (not skips) without one. */
    static Path build() throws Exception {
        String go = goTool();
        assertNotNull(go, "the go toolchain is needed for this spec: apt-get install golang-go (.ci/run installs it)");
        Files.createDirectories(BUILD);
        Path binary = BUILD.resolve("go-worker").toAbsolutePath();
        run(go, "test", "./...");
        run(go, "build", "-o", binary.toString(), ".");
        assertTrue(Files.isExecutable(binary), binary.toString());
        return binary;
    }

    private static void run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(SOURCE.toFile()).redirectErrorStream(true);
        // no module downloads: the worker uses the standard library only
        builder.environment().put("GOPROXY", "off");
        builder.environment().put("GOCACHE", BUILD.resolve("cache").toAbsolutePath().toString());
        builder.environment().put("GOPATH", BUILD.resolve("gopath").toAbsolutePath().toString());
        builder.environment().put("CGO_ENABLED", "0");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + out);
    }

    private static String goTool() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/lib/go/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "go");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** A partner with an annual target in EUR (0: none) and deals won, lost and still open. */
    private static String partner(int target, int[] won, int[] lost, int[] open) {
        Map<String, Object> body = target == 0 ? Map.of("name", "go-" + UUID.randomUUID())
                : Map.of("name", "go-" + UUID.randomUUID(), "annual_target", Map.of("amount", target, "currency", "EUR"));
        String id = json().body(body).post(PARTNERS).then().statusCode(201).extract().path("id");
        for (int amount : won) {
            deal(id, amount, "qualify", "propose", "win");
        }
        for (int amount : lost) {
            deal(id, amount, "lose");
        }
        for (int amount : open) {
            deal(id, amount);
        }
        return id;
    }

    private static void deal(String partner, int amount, String... transitions) {
        String id = json().body(Map.of("name", "go deal " + amount, "partner", partner, "amount", Map.of("amount", amount, "currency", "EUR")))
                .post(DEALS).then().statusCode(201).extract().path("id");
        for (String t : transitions) {
            given().post(DEALS + "/" + id + "/transitions/" + t).then().statusCode(200);
        }
    }

    private static String enqueue(String type, Map<String, Object> payload, String key, int maxAttempts) {
        var request = json().body(Map.of("type", type, "payload", payload, "maxAttempts", maxAttempts));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(JOBS).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201)).extract().path("id");
    }

    private static void assertRefused(JsonPath job, String reason) {
        assertEquals(1, job.getInt("attempts"), job.prettify());
        assertTrue(job.getString("lastError").contains(reason), job.prettify());
    }

    private static int scoreChanges(String partner) {
        return given().queryParam("limit", 500).get(PARTNERS + "/" + partner + "/history").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.operation == 'updated' && it.changes.score != null }").size();
    }

    private static JsonPath awaitJob(String id, String status) {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonPath job = null;
        while (System.currentTimeMillis() < deadline) {
            job = given().get(JOBS + "/" + id).then().statusCode(200).extract().jsonPath();
            if (status.equals(job.getString("status"))) {
                return job;
            }
            KafkaBroker.sleep(200);
        }
        throw new AssertionError("job " + id + " is not " + status + " in time: " + (job == null ? null : job.prettify()));
    }


    private static io.restassured.specification.RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
