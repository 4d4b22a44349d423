package io.prmos.engine.events;

import static io.prmos.engine.events.EventsApi.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prmos.engine.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The server-sent event stream: live events, Last-Event-ID resume, tenant and field filtering, heartbeats. */
@QuarkusTest
class EventStreamSpec {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/events/stream")
    URL stream;

    private final HttpClient http = HttpClient.newHttpClient();

    /** One SSE event as read off the wire. */
    record Sse(String id, String name, JsonNode data) {
    }

    @Test
    void aStreamShowsLiveEventsFilteredForTheCallerAndResumesFromLastEventId() throws Exception {
        String p = prefix();
        try (Stream<String> bobLines = open("bob", null); Stream<String> daveLines = open("dave", null)) {
            BlockingQueue<Sse> bob = reader(bobLines);
            BlockingQueue<Sse> dave = reader(daveLines);
            String id = create(PARTNERS, map("name", p + "Streamed", "notes", "hidden from bob", "score", 7));
            json().body(map("score", 8, "notes", "still hidden")).patch(PARTNERS + "/" + id).then().statusCode(200);
            json().body(map("score", 9)).patch(PARTNERS + "/" + id).then().statusCode(200);
            String urn = "urn:prm:partners:partner:" + id;

            List<Sse> seen = take(bob, urn, 3);
            assertEquals(List.of("partners.PartnerCreated", "partners.PartnerUpdated", "partners.PartnerUpdated"),
                    seen.stream().map(Sse::name).toList());
            assertEquals(p + "Streamed", seen.get(0).data().path("data").path("changes").path("name").path("new").asText());
            assertTrue(seen.stream().noneMatch(e -> e.data().path("data").path("changes").has("notes")), "notes are hidden from bob");
            assertEquals(8, seen.get(1).data().path("data").path("changes").path("score").path("new").asInt());
            assertEquals(seen.get(0).id(), seen.get(0).data().path("position").asText());

            Thread.sleep(1500); // a heartbeat period: dave would have received acme's events by now
            assertTrue(dave.stream().noneMatch(e -> e.data() != null && e.data().toString().contains(urn)), "dave sees nothing of acme");

            try (Stream<String> resumed = open("bob", seen.get(0).id())) {
                List<Sse> after = take(reader(resumed), urn, 2);
                assertEquals(List.of(seen.get(1).id(), seen.get(2).id()), after.stream().map(Sse::id).toList());
            }
        }
    }

    @Test
    void anIdleStreamReceivesHeartbeats() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<String> body = open("alice", null)) {
            Iterator<String> it = body.iterator();
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline && lines.stream().noneMatch(l -> l.startsWith(":heartbeat") || l.startsWith(": heartbeat"))) {
                lines.add(it.next());
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("heartbeat")), lines.toString());
    }

    @Test
    void aStreamWithoutTokenIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stream.toURI()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
    }

    private Stream<String> open(String user, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Accept", "text/event-stream").header("Authorization", Tokens.bearer(user));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        return response.body();
    }

    /** Parses SSE frames off the line stream on a background thread. */
    private static BlockingQueue<Sse> reader(Stream<String> lines) {
        BlockingQueue<Sse> out = new LinkedBlockingQueue<>();
        CompletableFuture.runAsync(() -> {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            try {
                for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            out.add(new Sse(id, name, JSON.readTree(data.toString())));
                        }
                        id = null;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            } catch (Exception e) {
                // the stream was closed by the test
            }
        });
        return out;
    }

    private static List<Sse> take(BlockingQueue<Sse> queue, String subject, int count) throws InterruptedException {
        List<Sse> found = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        while (found.size() < count && System.currentTimeMillis() < deadline) {
            Sse next = queue.poll(200, TimeUnit.MILLISECONDS);
            if (next != null && subject.equals(next.data().path("subject").asText())) {
                found.add(next);
            }
        }
        assertEquals(count, found.size(), "events of " + subject + " on the stream: " + found);
        return found;
    }
}
