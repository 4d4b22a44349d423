package io.prmos.engine.events;

import io.prmos.engine.testing.WorkerOutput;
import static io.prmos.engine.events.EventsApi.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.*;

import io.prmos.engine.events.webhook.WebhookSignature;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The example worker in another language (tools/examples/webhook-worker, Node) end to end: it receives
 * a signed webhook, writes back through the REST API with an API key, and rejects a tampered delivery.
 */
@QuarkusTest
class WebhookWorkerSpec {

    private static final Path WORKER = Path.of("..", "tools", "examples", "webhook-worker", "worker.mjs");

    @TestHTTPResource("/")
    URL engine;

    @Test
    void theWorkerVerifiesWritesBackAndRejectsTamperedDeliveries() throws Exception {
        assertTrue(Files.exists(WORKER), WORKER.toAbsolutePath().toString());
        String apiKey = json().body(map("name", "webhook worker", "roles", List.of("partner_manager")))
                .post("/api/admin/api-keys").then().statusCode(201).extract().path("key");
        int port = freePort();
        JsonPath hook = WebhookSpec.register("node-worker", "partners.PartnerCreated", "http://127.0.0.1:" + port + "/");
        String secret = hook.getString("secret");
        ProcessBuilder builder = new ProcessBuilder("node", WORKER.toString()).redirectErrorStream(true);
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("WEBHOOK_SECRET", secret);
        builder.environment().put("PRM_URL", engine.toString());
        builder.environment().put("PRM_API_KEY", apiKey);
        Process worker = builder.start();
        WorkerOutput output = WorkerOutput.of(worker);
        try {
            output.await("listening");
            String id = create(PARTNERS, map("name", prefix() + "Welcomed"));
            String notes = awaitNotes(id);
            assertTrue(notes.startsWith("Welcomed by the webhook worker (event "), notes);
            JsonPath written = given().get(PARTNERS + "/" + id).then().statusCode(200).extract().jsonPath();
            assertNotEquals(written.getString("created_by"), written.getString("updated_by"), "written back by the API key, not alice");

            String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"partners.PartnerCreated\",\"data\":{\"id\":\"" + id + "\"}}";
            String webhookId = UUID.randomUUID().toString();
            long now = System.currentTimeMillis() / 1000;
            String signature = WebhookSignature.sign(secret, webhookId, now, body);
            assertEquals(401, post(port, webhookId, now, signature, body.replace("PartnerCreated", "PartnerDeleted")));
            assertEquals(401, post(port, webhookId, now, WebhookSignature.sign(WebhookSignature.newSecret(), webhookId, now, body), body));
            assertEquals(401, post(port, webhookId, now - 3600, WebhookSignature.sign(secret, webhookId, now - 3600, body), body));
            output.await("rejected", 3); // the worker logs after it answers: its output arrives a moment later
        } finally {
            worker.destroy();
            given().delete(WebhookSpec.WEBHOOKS + "/" + hook.getString("id")).then().statusCode(204);
        }
    }

    private static int post(int port, String id, long timestamp, String signature, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String awaitNotes(String id) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            String notes = given().get(PARTNERS + "/" + id).then().statusCode(200).extract().path("notes");
            if (notes != null) {
                return notes;
            }
            WebhookReceiver.sleep(200);
        }
        throw new AssertionError("the worker did not write back in time");
    }



    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
