package io.prmos.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prmos.engine.registry.EngineProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events survive a kill -9 between commit and delivery. Engine A holds the database and never
 * delivers; engine B delivers to a webhook receiver. Three events are delivered; then the receiver
 * is down while three more are written, and B is killed with SIGKILL; two more are written through
 * A (committed, never relayed). Engine C starts on the same database: the receiver gets exactly the
 * five missing events, and none of the first three again.
 */
class EventCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void afterAKillExactlyTheUndeliveredEventsAreDelivered(@TempDir Path work) throws Exception {
        Map<String, String> fast = Map.of("PRM_WEBHOOKS_BACKOFF_INITIAL", "PT0.5S", "PRM_WEBHOOKS_BACKOFF_MAX", "PT1S",
                "PRM_WEBHOOKS_MAX_ATTEMPTS", "1000", "PRM_WEBHOOKS_TIMEOUT", "PT2S", "PRM_EVENTS_POLL_INTERVAL", "PT0.2S");
        try (WebhookReceiver receiver = new WebhookReceiver();
             EngineProcess a = EngineProcess.start(work, "a", Map.of("PRM_EVENTS_DELIVERY_ENABLED", "false"))) {
            Map<String, String> onA = new java.util.HashMap<>(fast);
            onA.put("PRM_DB_URL", "postgresql://localhost:" + a.embeddedPostgresPort() + "/postgres");
            List<String> delivered = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            EngineProcess b = EngineProcess.start(work, "b", onA);
            try {
                String token = token(b);
                send(b, "POST", "/api/admin/webhooks", token, JSON.writeValueAsString(Map.of(
                        "name", "crash", "events", "partners.PartnerCreated", "url", receiver.url()))).body();
                for (int i = 0; i < 3; i++) {
                    delivered.add(createPartner(b, token, "delivered-" + i));
                }
                receiver.await(d -> true, 3, Duration.ofSeconds(60));
                receiver.failFirst = Integer.MAX_VALUE; // the receiver is down from now on
                for (int i = 0; i < 3; i++) {
                    missing.add(createPartner(b, token, "pending-" + i));
                }
                WebhookReceiver.sleep(1000);
            } finally {
                b.kill();
            }
            String tokenA = token(a);
            for (int i = 0; i < 2; i++) {
                missing.add(createPartner(a, tokenA, "unrelayed-" + i));
            }
            assertEquals(3, receiver.received.size(), "nothing reached the receiver while it was down");
            receiver.failFirst = 0;
            try (EngineProcess c = EngineProcess.start(work, "c", onA)) {
                receiver.await(d -> true, 8, Duration.ofSeconds(90));
                WebhookReceiver.sleep(3000); // anything delivered twice would arrive by now
                List<String> ids = receiver.received.stream().map(d -> d.event().path("data").path("id").asText()).toList();
                assertEquals(8, ids.size(), "each event exactly once: " + ids);
                Set<String> expected = new TreeSet<>(delivered);
                expected.addAll(missing);
                assertEquals(expected, new TreeSet<>(ids));
                assertEquals(Set.copyOf(missing), receiver.received.stream().skip(3)
                        .map(d -> d.event().path("data").path("id").asText()).collect(Collectors.toSet()));
            }
        }
    }

    private String createPartner(EngineProcess engine, String token, String name) throws Exception {
        HttpResponse<String> created = send(engine, "POST", "/api/v1/partners/partner", token, "{\"name\":\"" + name + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).path("id").asText();
    }

    private String token(EngineProcess engine) throws Exception {
        JsonNode token = JSON.readTree(send(engine, "POST", "/api/dev-identity/token", null, "{\"username\":\"alice\"}").body());
        return token.path("access_token").asText();
    }

    private HttpResponse<String> send(EngineProcess engine, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engine.url() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
