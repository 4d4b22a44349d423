package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.store.kernel.RunRows;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/** The opaque {@code cursor} of the run list: the last run's creation time and id, base64url. */
final class RunCursor {

    private RunCursor() {
    }

    static String of(JsonNode run) {
        String raw = run.path("created_at").asText() + "|" + run.path("id").asText();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static RunRows.Cursor parse(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new RunRows.Cursor(OffsetDateTime.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw ApiProblem.badRequest("invalid-query", "cursor is the nextCursor of a previous page");
        }
    }
}
