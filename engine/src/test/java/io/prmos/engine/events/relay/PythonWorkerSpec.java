package io.prmos.engine.events.relay;

import io.prmos.engine.testing.WorkerOutput;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The example Python worker (tools/examples/python-worker) end to end on a real RabbitMQ: it receives
 * deals.DealWon from the broker relay, enqueues one scoring job per event (a repeated message makes no
 * second job), leases and finishes it, and writes the score back into the deal through the API with an
 * API key; a message whose ids disagree is rejected.
 */
@QuarkusTest
@TestProfile(RabbitRelayProfile.class)
class PythonWorkerSpec {

    private static final Path WORKER = Path.of("..", "tools", "examples", "python-worker", "worker.py");
    private static final String DEALS = "/api/v1/deals/deal";

    @TestHTTPResource("/")
    URL engine;

    @Test
    void theWorkerScoresEachWonDealOnceAndWritesTheScoreBack() throws Exception {
        assertTrue(Files.exists(WORKER), WORKER.toAbsolutePath().toString());
        String apiKey = json().body(Map.of("name", "python scoring worker", "roles", List.of("job_worker", "partner_manager")))
                .post("/api/admin/api-keys").then().statusCode(201).extract().path("key");
        String queue = "deal-scoring-" + UUID.randomUUID();
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", "-u", WORKER.toString()).redirectErrorStream(true);
        builder.environment().put("PRM_URL", engine.toString());
        builder.environment().put("PRM_API_KEY", apiKey);
        builder.environment().put("RABBITMQ_URL", RabbitRelayProfile.broker.uri());
        builder.environment().put("PRM_QUEUE", queue);
        builder.environment().put("PRM_TENANT", "acme");
        Process worker = builder.start();
        WorkerOutput output = WorkerOutput.of(worker);
        try {
            output.await("listening on queue");
            String partner = json().body(Map.of("name", "py-" + UUID.randomUUID())).post("/api/v1/partners/partner")
                    .then().statusCode(201).extract().path("id");
            List<String> deals = new ArrayList<>();
            for (int amount : new int[] {42_000, 87_000, 250_000}) {
                String id = json().body(Map.of("name", "py deal " + amount, "partner", partner,
                        "amount", Map.of("amount", amount, "currency", "EUR"))).post(DEALS).then().statusCode(201).extract().path("id");
                for (String t : List.of("qualify", "propose", "win")) {
                    given().post(DEALS + "/" + id + "/transitions/" + t).then().statusCode(200);
                }
                deals.add(id);
            }
            List<Integer> expected = List.of(42, 87, 100);
            for (int i = 0; i < deals.size(); i++) {
                assertEquals(expected.get(i), awaitScore(deals.get(i)), "score of deal " + i);
            }
            // the broker delivers at least once: the same event again makes no second job
            String eventId = given().get(DEALS + "/" + deals.get(0)).then().extract().path("details.score.event");
            republish(queue, eventId, eventId);
            republish(queue, eventId, UUID.randomUUID().toString());
            output.await("duplicate event " + eventId);
            output.await("rejected");

            JsonPath jobs = given().queryParam("type", "deals.score").get("/api/v1/jobs").then().statusCode(200).extract().jsonPath();
            for (String id : deals) {
                List<Map<String, Object>> ofDeal = jobs.getList("items.findAll { it.payload.deal == '" + id + "' }");
                assertEquals(1, ofDeal.size(), "one job per won deal: " + ofDeal);
                assertEquals("done", ofDeal.get(0).get("status"));
            }
            JsonPath written = given().get(DEALS + "/" + deals.get(0)).then().statusCode(200).extract().jsonPath();
            assertNotEquals(written.getString("created_by"), written.getString("updated_by"), "written back by the API key");
        } finally {
            worker.destroy();
            worker.waitFor();
        }
    }

    /** A copy of the deal's DealWon message, as a broker redelivery would bring it (or with a forged message id). */
    private void republish(String queue, String eventId, String messageId) throws Exception {
        String envelope = eventJson(eventId);
        assertNotNull(envelope, "event " + eventId + " in the log");
        try (Connection connection = RabbitRelaySpec.connect(RabbitRelayProfile.broker); Channel channel = connection.createChannel()) {
            channel.basicPublish("", queue, new AMQP.BasicProperties.Builder().contentType("application/json").messageId(messageId)
                    .type("deals.DealWon").headers(Map.of("event-id", eventId)).build(), envelope.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String eventJson(String eventId) throws Exception {
        Map<String, Object> item = given().queryParam("types", "deals.DealWon").queryParam("after", 0).queryParam("limit", 1000)
                .get("/api/v1/events").then().extract().jsonPath().getMap("items.find { it.id == '" + eventId + "' }");
        return item == null ? null : new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(item);
    }

    private static Integer awaitScore(String deal) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Integer score = given().get(DEALS + "/" + deal).then().statusCode(200).extract().path("details.score.value");
            if (score != null) {
                return score;
            }
            KafkaBroker.sleep(200);
        }
        throw new AssertionError("the worker did not score deal " + deal + " in time");
    }


    private static io.restassured.specification.RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
