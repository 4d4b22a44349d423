package io.prmos.engine.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prmos.engine.registry.EngineProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents across engine processes on one PostgreSQL, against a {@link ScriptedModel}: two instances tick
 * an every-two-seconds agent schedule and each schedule time starts exactly one run per tenant; then an
 * instance is killed (SIGKILL) while a run waits for the model, and the restarted instance marks that run
 * failed with the reason (docs/adr/0122: runs are not resumed).
 */
class AgentClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void schedulesFireOncePerTimeAndACrashedRunIsFailedOnRestart(@TempDir Path work) throws Exception {
        ScriptedModel model = new ScriptedModel();
        Map<String, String> modelConfig = model.start();
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start()) {
            Map<String, String> env = Map.of("PRM_DB_URL", "postgresql://localhost:" + pg.getPort() + "/postgres", "PRM_DB_POOL_SIZE", "6");
            List<String> options = new ArrayList<>(List.of("-Dprm.agents.heartbeat=PT1S", "-Dprm.agents.schedule.tick=1s",
                    "-Dprm.events.poll-interval=PT0.2S", "-Xmx384m"));
            modelConfig.forEach((k, v) -> options.add("-D" + k + "=" + v));
            String runId;
            try (EngineProcess a = EngineProcess.start(work, "a", env, options)) {
                try (EngineProcess b = EngineProcess.start(work, "b", env, options)) {
                    String token = token(a.url());
                    schedulesFireOnce(a, b, token, pg);
                }
                runId = runWaitingForTheModel(a, model, token(a.url()));
                a.kill();
            }
            try (EngineProcess restarted = EngineProcess.start(work, "a2", env, options)) {
                JsonNode run = awaitStatus(restarted.url(), token(restarted.url()), runId, "failed", Duration.ofSeconds(60));
                assertEquals("the engine instance executing the run stopped", run.path("reason").asText(), run.toString());
            }
        } finally {
            model.stop();
        }
    }

    private void schedulesFireOnce(EngineProcess a, EngineProcess b, String token, EmbeddedPostgres pg) throws Exception {
        String manifest = """
                apiVersion: prm/v1
                module: ticker
                version: 1.0.0
                requires: { organizations: "^1.0" }
                roles:
                  ticker_bot: { label: Ticker bot (agent) }
                entities:
                  Beat:
                    fields:
                      text: { type: text, required: true, maxLength: 40 }
                permissions:
                  partner_manager:
                    Beat: { read: all, create: true }
                  ticker_bot:
                    Beat: { read: all }
                agents:
                  ticker:
                    description: Looks at the beats every two seconds.
                    instructions: "Tick for {tenant.name} at {input}"
                    roles: [ticker_bot]
                    tools: [ticker.Beat.search]
                    triggers:
                      - schedule: { cron: "*/2 * * * * ?" }
                """;
        // acme writes something first, so every schedule time claimed from the publish on has a tenant to run in
        HttpResponse<String> partner = send(a.url(), "POST", "/api/v1/partners/partner", token, "{\"name\":\"Ticker partner\"}");
        assertEquals(201, partner.statusCode(), partner.body());
        String body = JSON.writeValueAsString(Map.of("modules", List.of(Map.of("file", "ticker/module.yaml", "source", manifest))));
        HttpResponse<String> published = send(a.url(), "POST", "/api/admin/modules", token, body);
        assertEquals(200, published.statusCode(), published.body());
        long until = System.currentTimeMillis() + 20_000;
        HttpResponse<String> created;
        do { // b serves the module once it converged
            created = send(b.url(), "POST", "/api/v1/ticker/beat", token, "{\"text\":\"hello\"}");
            EngineProcess.sleep(created.statusCode() == 201 ? 0 : 300);
        } while (created.statusCode() != 201 && System.currentTimeMillis() < until);
        assertEquals(201, created.statusCode(), created.body());
        EngineProcess.sleep(9_000); // both instances tick every second over several two-second schedule times
        try (Connection c = pg.getPostgresDatabase().getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT count(*), count(DISTINCT trigger_key), min(principal),"
                     + " bool_and(acts_as_agent), count(DISTINCT tenant_id) FROM prm_kernel.agent_run WHERE module = 'ticker'")) {
            assertTrue(r.next());
            assertTrue(r.getLong(1) >= 3, "the schedule fired: " + r.getLong(1));
            assertEquals(r.getLong(1), r.getLong(2), "one run per schedule time in the tenant");
            assertEquals("agent:ticker.ticker", r.getString(3));
            assertTrue(r.getBoolean(4));
            assertEquals(1, r.getLong(5), "acme, the only tenant that wrote anything");
        }
        try (Connection c = pg.getPostgresDatabase().getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT count(*), count(DISTINCT instance),"
                     + " extract(epoch FROM max(fire_time) - min(fire_time)) / 2 + 1,"
                     + " (SELECT count(*) FROM prm_kernel.agent_run WHERE module = 'ticker') FROM prm_kernel.agent_schedule_fire"
                     + " WHERE agent = 'ticker.ticker'")) {
            assertTrue(r.next());
            long claims = r.getLong(1);
            long runs = r.getLong(4);
            // one run per claimed time (one tenant); the times each instance claimed a moment ago may not have their runs yet
            assertTrue(runs <= claims && runs >= claims - 2, runs + " runs for " + claims + " claimed times");
            assertTrue(claims <= r.getDouble(3), "no more claims than two-second times: " + claims + " in " + r.getDouble(3));
            // which instance claims a time is timing: one may claim them all, so the instance count is not asserted
        }
    }

    /** A run of partner-analyst whose model answer takes minutes: it stays running on instance a. */
    private String runWaitingForTheModel(EngineProcess a, ScriptedModel model, String token) throws Exception {
        String key = "crash-" + UUID.randomUUID();
        HttpResponse<String> scripted = http.send(HttpRequest.newBuilder(URI.create(modelUrl(model) + "/script/" + key))
                .POST(HttpRequest.BodyPublishers.ofString("[{\"delayMs\":300000,\"text\":[\"late\"]}]"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, scripted.statusCode());
        HttpResponse<String> partner = send(a.url(), "POST", "/api/v1/partners/partner", token, "{\"name\":\"Crash partner\"}");
        assertEquals(201, partner.statusCode(), partner.body());
        String urn = "urn:prm:partners:partner:" + JSON.readTree(partner.body()).path("id").asText();
        HttpResponse<String> started = send(a.url(), "POST", "/api/v1/agents/partners.partner-analyst/runs", token,
                "{\"record\":\"" + urn + "\",\"input\":\"" + key + "\"}");
        assertEquals(201, started.statusCode(), started.body());
        String id = JSON.readTree(started.body()).path("id").asText();
        awaitStatus(a.url(), token, id, "running", Duration.ofSeconds(30));
        EngineProcess.sleep(1_500); // the model has the request
        return id;
    }

    private String modelUrl(ScriptedModel model) {
        return model.baseUrl();
    }

    private JsonNode awaitStatus(String base, String token, String id, String status, Duration timeout) throws Exception {
        long until = System.currentTimeMillis() + timeout.toMillis();
        JsonNode run = null;
        while (System.currentTimeMillis() < until) {
            HttpResponse<String> got = send(base, "GET", "/api/v1/agents/runs/" + id, token, null);
            run = JSON.readTree(got.body());
            if (status.equals(run.path("status").asText())) {
                return run;
            }
            EngineProcess.sleep(300);
        }
        fail("run " + id + " is not " + status + ": " + run);
        return null;
    }

    private String token(String base) throws Exception {
        return JSON.readTree(send(base, "POST", "/api/dev-identity/token", null, "{\"username\":\"alice\"}").body())
                .path("access_token").asText();
    }

    private HttpResponse<String> send(String base, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
