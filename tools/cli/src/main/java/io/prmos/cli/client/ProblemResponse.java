package io.prmos.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.cli.CliFailure;
import io.prmos.cli.ExitCodes;
import io.prmos.cli.http.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an RFC 9457 problem answer into one-line messages and an exit code. Manifest problems
 * (422) print as {@code file:line:column pointer: message}; refusals (409) one line per reason; any
 * other 4xx is the user's to fix (exit 1), a 5xx or an unreadable answer is the server's (exit 2).
 */
final class ProblemResponse {

    private ProblemResponse() {
    }

    static CliFailure toFailure(String server, int status, byte[] body) {
        JsonNode problem = parse(body);
        int exitCode = status >= 500 || problem == null ? ExitCodes.SERVER_ERROR : ExitCodes.USER_ERROR;
        if (problem == null) {
            return CliFailure.of(exitCode, List.of("HTTP " + status + " from " + server + ": " + excerpt(body)));
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            lines.add(errorLine(status, error));
        }
        if (lines.isEmpty()) {
            lines.add(summary(server, status, problem));
        }
        return CliFailure.of(exitCode, lines);
    }

    private static String errorLine(int status, JsonNode error) {
        String message = error.path("message").asText("");
        if (error.hasNonNull("file")) {
            String pointer = error.path("pointer").asText("");
            return error.path("file").asText() + ":" + error.path("line").asInt(1) + ":" + error.path("column").asInt(1)
                    + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
        }
        return status == 409 ? "refused: " + message : message;
    }

    private static String summary(String server, int status, JsonNode problem) {
        String title = problem.path("title").asText("HTTP " + status);
        String detail = problem.path("detail").asText("");
        String text = detail.isBlank() ? title : title + ": " + detail;
        if (status == 401) {
            return "not signed in to " + server + " (" + text + "); run prm login";
        }
        if (status == 409) {
            return "refused: " + (detail.isBlank() ? title : detail);
        }
        return text;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = Http.JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "(empty answer)";
        }
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
