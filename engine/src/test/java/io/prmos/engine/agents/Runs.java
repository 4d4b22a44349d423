package io.prmos.engine.agents;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prmos.engine.testing.Tokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Drives agent runs over HTTP for the specs: scripts, runs, waiting for a status, reading the SSE stream. */
final class Runs {

    static final String AGENT = "/api/v1/agents/partners.partner-analyst/runs";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One server-sent event as read off the wire. */
    record Sse(String id, String event, JsonNode data) {
    }

    private final String model;

    /** {@code baseUrl}: the scripted model's {@code …/v1}. */
    Runs(String baseUrl) {
        this.model = baseUrl.substring(0, baseUrl.length() - "/v1".length());
    }

    void script(String key, String replies) {
        given().baseUri(model).port(-1).contentType(ContentType.JSON).body(replies).post("/script/" + key).then().statusCode(204);
    }

    /** The chat requests the engine sent for the script's key. */
    JsonNode requests(String key) throws Exception {
        return JSON.readTree(given().baseUri(model).port(-1).get("/requests/" + key).then().statusCode(200).extract().asString());
    }

    static String start(String user, String body) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).body(body).post(AGENT)
                .then().statusCode(201).extract().path("id");
    }

    static JsonNode get(String user, String id) throws Exception {
        return JSON.readTree(given().header("Authorization", Tokens.bearer(user)).get("/api/v1/agents/runs/" + id)
                .then().statusCode(200).extract().asString());
    }

    /** Polls the run until its status is one of {@code statuses}; fails after 20 s with the run as it is. */
    static JsonNode await(String user, String id, String... statuses) throws Exception {
        long until = System.currentTimeMillis() + 20_000;
        JsonNode run = get(user, id);
        while (!Set.of(statuses).contains(run.path("status").asText())) {
            if (System.currentTimeMillis() > until) {
                fail("run " + id + " did not reach " + List.of(statuses) + ": " + run);
            }
            Thread.sleep(100);
            run = get(user, id);
        }
        return run;
    }

    /** The run's stream from {@code lastEventId} (null: from the start) until the server ends it. */
    static List<Sse> stream(String user, String id, String lastEventId) throws Exception {
        URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/agents/runs/" + id + "/stream");
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setRequestProperty("Authorization", Tokens.bearer(user));
        c.setRequestProperty("Accept", "text/event-stream");
        if (lastEventId != null) {
            c.setRequestProperty("Last-Event-ID", lastEventId);
        }
        c.setReadTimeout(20_000);
        List<Sse> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            String eventId = null;
            String event = null;
            StringBuilder data = new StringBuilder();
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (event != null) {
                        out.add(new Sse(eventId, event, JSON.readTree(data.toString())));
                    }
                    eventId = null;
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    eventId = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        }
        return out;
    }

    /** A reply that calls one tool. */
    static String call(String id, String tool, String arguments) {
        return "{\"toolCalls\":[{\"id\":\"" + id + "\",\"name\":\"" + tool + "\",\"arguments\":" + JSON.valueToTree(arguments) + "}]}";
    }

    /** A final answer, streamed as text deltas. */
    static String answer(String... deltas) {
        return "{\"text\":" + JSON.valueToTree(deltas) + "}";
    }

    static String recommendation(String partnerId, String action) {
        return "{\"recommendations\":[{\"partner_urn\":\"urn:prm:partners:partner:" + partnerId + "\",\"action\":\"" + action
                + "\",\"rationale\":\"scripted\",\"urgency\":\"low\"}]}";
    }
}
