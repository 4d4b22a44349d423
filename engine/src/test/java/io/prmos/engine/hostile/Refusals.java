package io.prmos.engine.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;

/** What every refusal of hostile input must look like: a 4xx RFC 9457 problem, never a 5xx. */
final class Refusals {

    static final String PROBLEM_JSON = "application/problem+json";

    private Refusals() {
    }

    /** A 4xx problem+json whose body repeats the status; returns the response for more checks. */
    static Response refused(String what, Response response) {
        int status = response.statusCode();
        String body = response.asString();
        assertTrue(status >= 400 && status < 500, what + ": expected a 4xx, got " + status + ": " + body);
        assertTrue(String.valueOf(response.contentType()).startsWith(PROBLEM_JSON),
                what + ": expected problem+json, got '" + response.contentType() + "' (" + status + "): " + body);
        assertEquals(status, response.jsonPath().getInt("status"), what + ": the status inside the problem: " + body);
        assertTrue(response.jsonPath().getString("type").startsWith("https://prmos.io/problems/"), what + ": " + body);
        return response;
    }

    /** As {@link #refused(String, Response)}, with exactly this status. */
    static Response refused(String what, int status, Response response) {
        refused(what, response);
        assertEquals(status, response.statusCode(), what + ": " + response.asString());
        return response;
    }
}
