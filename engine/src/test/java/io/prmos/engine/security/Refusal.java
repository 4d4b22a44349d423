package io.prmos.engine.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.util.function.Function;

/**
 * How a request was refused, with the id it named blanked out: two refusals that are equal give
 * the caller no way to tell an existing record of another tenant from an id nobody ever used.
 */
record Refusal(int status, String contentType, String type, String title, String detail, String errors) {

    static Refusal of(Response r, String id) {
        JsonNode problem = Http.body(r);
        return new Refusal(r.statusCode(), r.contentType(), problem.path("type").asText(), problem.path("title").asText(),
                blank(problem.path("detail").asText(), id), blank(problem.path("errors").toString(), id));
    }

    private static String blank(String text, String id) {
        return text.replaceAll("(?i)" + java.util.regex.Pattern.quote(id), "<id>");
    }

    /**
     * Sends the attack naming {@code target} and the same request naming a random uuid; both must be
     * refused (a problem, never 2xx or 5xx) and look the same.
     */
    static void compare(String target, Function<String, Response> request) {
        Refusal attack = of(request.apply(target), target);
        String random = Http.randomId();
        Refusal probe = of(request.apply(random), random);
        if (attack.status() < 400 || attack.status() >= 500 || !attack.contentType().startsWith(Http.PROBLEM_JSON)) {
            throw new AssertionError("the attack was not refused with a problem: " + attack);
        }
        if (!attack.equals(probe)) {
            throw new AssertionError("the refusal reveals that the record exists:\n  existing: " + attack + "\n  random:   " + probe);
        }
    }
}
