package io.prmos.engine.cluster;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.prmos.engine.registry.EngineProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three packaged engine processes on one PostgreSQL behind HAProxy (docs/deployment.md): a publish
 * through one instance is served by all; a webhook subscriber receives each event once although every
 * instance relays; an event stream broken off on one instance resumes on another with Last-Event-ID,
 * without a gap or a repeat; a cluster schedule runs once per period although every instance fires it; and while
 * one instance is killed (SIGKILL) under load, no request through the load balancer fails with an HTTP
 * error and at most the requests in flight on the killed instance lose their connection.
 */
class ClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void threeInstancesBehindALoadBalancerActAsOne(@TempDir Path work) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start()) {
            Map<String, String> env = Map.of("PRM_DB_URL", "postgresql://localhost:" + pg.getPort() + "/postgres",
                    "PRM_DB_POOL_SIZE", "8");
            List<String> options = List.of("-Dprm.recycle-bin.purge-every=2s", "-Dprm.recycle-bin.purge-delay=1s",
                    "-Dprm.events.poll-interval=PT0.2S", "-Dprm.webhooks.poll-interval=PT0.2S", "-Xmx384m");
            List<EngineProcess> engines = new ArrayList<>();
            try {
                for (String name : List.of("a", "b", "c")) {
                    engines.add(EngineProcess.start(work, name, env, options));
                }
                try (Haproxy lb = Haproxy.start(work, engines.stream().map(EngineProcess::port).toList())) {
                    String token = token(lb.url());
                    publishesConverge(engines, token);
                    eachEventReachesASubscriberOnce(lb.url(), token);
                    anEventStreamResumesOnAnotherInstance(engines, lb.url(), token);
                    schedulesRunOncePerPeriod(pg);
                    noRequestFailsWhileAnInstanceIsKilled(lb.url(), token, engines.get(1), pg);
                }
            } finally {
                engines.forEach(EngineProcess::close);
            }
        }
    }

    private void publishesConverge(List<EngineProcess> engines, String token) throws Exception {
        String manifest = "apiVersion: prm/v1\nmodule: clustered\nversion: 1.0.0\nentities:\n  Note:\n"
                + "    fields:\n      text: { type: text, required: true, maxLength: 40 }\n"
                + "permissions:\n  partner_manager:\n    Note: { read: all, create: true }\n"
                + "requires: { organizations: \"^1.0\" }\n";
        String body = JSON.writeValueAsString(Map.of("modules", List.of(Map.of("file", "clustered/module.yaml", "source", manifest))));
        HttpResponse<String> published = send(engines.get(0).url(), "POST", "/api/admin/modules", token, body, Map.of());
        assertEquals(200, published.statusCode(), published.body());
        for (EngineProcess engine : engines) {
            long deadline = System.currentTimeMillis() + 20_000;
            int status = 0;
            while (status != 200 && System.currentTimeMillis() < deadline) {
                status = send(engine.url(), "GET", "/api/v1/clustered/note", token, null, Map.of()).statusCode();
                Haproxy.sleep(200);
            }
            assertEquals(200, status, "instance on port " + engine.port() + " serves the published module");
        }
    }

    private void eachEventReachesASubscriberOnce(String lb, String token) throws Exception {
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            received.computeIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), k -> new AtomicInteger()).incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            HttpResponse<String> hook = send(lb, "POST", "/api/admin/webhooks", token, JSON.writeValueAsString(Map.of("name", "cluster",
                    "events", "clustered.NoteCreated", "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/")), Map.of());
            assertEquals(201, hook.statusCode(), hook.body());
            int notes = 30;
            for (int i = 0; i < notes; i++) {
                HttpResponse<String> created = send(lb, "POST", "/api/v1/clustered/note", token, "{\"text\":\"n" + i + "\"}", Map.of());
                assertEquals(201, created.statusCode(), created.body());
            }
            long deadline = System.currentTimeMillis() + 30_000;
            while (received.size() < notes && System.currentTimeMillis() < deadline) {
                Haproxy.sleep(200);
            }
            Haproxy.sleep(2_000); // time for a duplicate to arrive, if any instance sent one
            assertEquals(notes, received.size(), "every event delivered");
            assertTrue(received.values().stream().allMatch(n -> n.get() == 1), "each event delivered once: " + received);
        } finally {
            receiver.stop(0);
        }
    }

    private void anEventStreamResumesOnAnotherInstance(List<EngineProcess> engines, String lb, String token) throws Exception {
        String after = String.valueOf(lastPosition(lb, token));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> note = send(lb, "POST", "/api/v1/clustered/note", token, "{\"text\":\"s" + i + "\"}", Map.of());
            assertEquals(201, note.statusCode(), note.body());
            created.add(JSON.readTree(note.body()).path("id").asText());
        }
        // the first three on instance a, then the connection is dropped; instance c takes over from the last id seen
        List<String[]> first = streamEvents(engines.get(0).url(), token, Map.of("Last-Event-ID", after), 3);
        List<String[]> rest = streamEvents(engines.get(2).url(), token, Map.of("Last-Event-ID", first.get(2)[0]), 5);
        List<String> records = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        for (List<String[]> part : List.of(first, rest)) {
            for (String[] event : part) {
                positions.add(Long.parseLong(event[0]));
                records.add(event[1]);
            }
        }
        assertEquals(created, records, "the notes' events in order, each once, across the two instances");
        for (int i = 1; i < positions.size(); i++) {
            assertTrue(positions.get(i) > positions.get(i - 1), "positions increase: " + positions);
        }
    }

    private long lastPosition(String lb, String token) throws Exception {
        HttpResponse<String> replay = send(lb, "GET", "/api/v1/events?types=clustered.NoteCreated&limit=1000", token, null, Map.of());
        assertEquals(200, replay.statusCode(), replay.body());
        long last = 0;
        for (var event : JSON.readTree(replay.body()).path("items")) {
            last = Math.max(last, event.path("position").asLong());
        }
        return last;
    }

    /** The first {@code count} events of the stream as (id, record id), read within 30 s; then the connection is dropped. */
    private List<String[]> streamEvents(String base, String token, Map<String, String> headers, int count) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/events/stream?types=clustered.NoteCreated"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        List<String[]> events = new CopyOnWriteArrayList<>();
        var response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                String id = null;
                for (var lines = response.get().body().iterator(); lines.hasNext() && events.size() < count; ) {
                    String line = lines.next();
                    if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:") && id != null) {
                        events.add(new String[] {id, JSON.readTree(line.substring(5).trim()).path("data").path("id").asText()});
                    }
                }
            } catch (Exception e) {
                // the stream is cut below once enough events have arrived
            }
        });
        reader.start();
        reader.join(30_000);
        response.cancel(true);
        reader.interrupt();
        assertEquals(count, events.size(), "events from " + base);
        return new ArrayList<>(events);
    }

    private void schedulesRunOncePerPeriod(EmbeddedPostgres pg) throws Exception {
        Haproxy.sleep(7_000); // three instances fire the 2 s purge schedule a few times each
        try (Connection c = pg.getPostgresDatabase().getConnection();
             ResultSet r = c.createStatement().executeQuery("SELECT count(*), count(DISTINCT slot), count(DISTINCT instance),"
                     + " max(slot) - min(slot) + 1 FROM prm_kernel.schedule_run WHERE name = 'recycle-bin-purge'")) {
            assertTrue(r.next());
            long runs = r.getLong(1);
            assertTrue(runs >= 3, "the schedule ran: " + runs);
            assertEquals(runs, r.getLong(2), "one run per slot");
            assertTrue(runs <= r.getLong(4), "no more runs than periods: " + runs + " runs in " + r.getLong(4) + " periods");
            // which instance wins a slot is timing: one may win them all, so the instance count is not asserted
        }
    }

    private void noRequestFailsWhileAnInstanceIsKilled(String lb, String token, EngineProcess victim, EmbeddedPostgres pg) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Set<String> keys = ConcurrentHashMap.newKeySet();
        String type = "cluster.load_" + UUID.randomUUID().toString().substring(0, 8);
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread client = new Thread(() -> {
                while (running.get()) {
                    String key = UUID.randomUUID().toString();
                    try {
                        HttpResponse<String> read = send(lb, "GET", "/api/v1/clustered/note?limit=5", token, null, Map.of());
                        HttpResponse<String> job = send(lb, "POST", "/api/v1/jobs", token,
                                "{\"type\":\"" + type + "\",\"payload\":{}}", Map.of("Idempotency-Key", key));
                        requests.addAndGet(2);
                        if (read.statusCode() != 200) {
                            failures.add("GET " + read.statusCode() + " " + read.body());
                        }
                        if (job.statusCode() != 201 && job.statusCode() != 200) {
                            failures.add("POST job " + job.statusCode() + " " + job.body());
                        } else {
                            keys.add(key);
                        }
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        Haproxy.sleep(4_000);
        int beforeKill = requests.get();
        victim.kill();
        Haproxy.sleep(8_000);
        running.set(false);
        for (Thread client : clients) {
            client.join(60_000);
        }
        System.out.printf("cluster load: %d requests (%d before the kill), %d failed%n", requests.get(), beforeKill, failures.size());
        assertTrue(requests.get() > beforeKill + 20, "the load went on after the kill: " + requests.get());
        // Measured: requests that were on the killed instance at the moment of the kill (at most one per
        // client) can come back as a connection closed without an answer, although HAProxy retries on
        // empty responses (issue 18 asks for none; docs/deployment.md reports the figure). Any HTTP error
        // status, or more failures than requests in flight, fails the test.
        assertTrue(failures.size() <= clients.size() && failures.stream().allMatch(f -> f.startsWith("java.io.IOException")),
                "only the requests in flight on the killed instance may fail: " + failures);
        try (Connection c = pg.getPostgresDatabase().getConnection();
             java.sql.PreparedStatement count = c.prepareStatement("SELECT count(*), count(DISTINCT idempotency_key) FROM prm_kernel.job WHERE type = ?")) {
            count.setString(1, type);
            ResultSet r = count.executeQuery();
            assertTrue(r.next());
            assertTrue(r.getLong(1) >= keys.size() && r.getLong(1) <= keys.size() + failures.size(),
                    "a job per acknowledged request (and perhaps one per request cut off): " + r.getLong(1) + " for " + keys.size());
            assertEquals(r.getLong(1), r.getLong(2), "no idempotency key made two jobs, retried requests included");
        }
    }

    private String token(String lb) throws Exception {
        HttpResponse<String> response = send(lb, "POST", "/api/dev-identity/token", null, "{\"username\":\"alice\"}", Map.of());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private HttpResponse<String> send(String base, String method, String path, String token, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
