package io.prmos.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engine processes on one database: a module published through one is served by the other
 * without a restart, because the publishing transaction NOTIFYs and the other instance LISTENs.
 */
class TwoInstancesConvergeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aModulePublishedThroughOneInstanceIsServedByTheOther(@TempDir Path work) throws Exception {
        try (EngineProcess a = EngineProcess.start(work, "a", Map.of())) {
            String db = "postgresql://localhost:" + a.embeddedPostgresPort() + "/postgres";
            try (EngineProcess b = EngineProcess.start(work, "b", Map.of("PRM_DB_URL", db))) {
                String tokenA = token(a);
                String tokenB = token(b);
                assertEquals(404, send(b, "GET", "/api/v1/inventory/stock_item", tokenB, null).statusCode());

                String manifest = "apiVersion: prm/v1\nmodule: inventory\nversion: 1.0.0\nentities:\n  StockItem:\n"
                        + "    fields:\n      sku: { type: text, required: true, maxLength: 40, filterable: true }\n"
                        + "permissions:\n  partner_manager:\n    StockItem: { read: all, create: true }\n"
                        + "requires: { organizations: \"^1.0\" }\n";
                String body = JSON.writeValueAsString(Map.of("modules", java.util.List.of(
                        Map.of("file", "inventory/module.yaml", "source", manifest))));
                HttpResponse<String> published = send(a, "POST", "/api/admin/modules", tokenA, body);
                assertEquals(200, published.statusCode(), published.body());

                HttpResponse<String> served = awaitStatus(b, "/api/v1/inventory/stock_item", tokenB, 200, Duration.ofSeconds(20));
                assertEquals(200, served.statusCode(), served.body());
                HttpResponse<String> created = send(b, "POST", "/api/v1/inventory/stock_item", tokenB, "{\"sku\":\"SKU-1\"}");
                assertEquals(201, created.statusCode(), created.body());
                JsonNode listedByA = JSON.readTree(send(a, "GET", "/api/v1/inventory/stock_item?filter="
                        + URLEncoder.encode("sku eq 'SKU-1'", StandardCharsets.UTF_8), tokenA, null).body());
                assertEquals(1, listedByA.path("items").size());
                assertTrue(Files.readString(work.resolve("b.log")).contains("published by another instance"));
            }
        }
    }

    private HttpResponse<String> awaitStatus(EngineProcess engine, String path, String token, int status, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        HttpResponse<String> last = send(engine, "GET", path, token, null);
        while (last.statusCode() != status && Instant.now().isBefore(deadline)) {
            EngineProcess.sleep(200);
            last = send(engine, "GET", path, token, null);
        }
        return last;
    }

    private String token(EngineProcess engine) throws Exception {
        HttpResponse<String> response = send(engine, "POST", "/api/dev-identity/token", null, "{\"username\":\"alice\"}");
        return JSON.readTree(response.body()).path("access_token").asText();
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
