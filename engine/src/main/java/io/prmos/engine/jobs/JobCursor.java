package io.prmos.engine.jobs;

import io.prmos.engine.api.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Where a page of the job list ended: the last job's creation time and id, as an opaque base64url text. */
public record JobCursor(OffsetDateTime createdAt, UUID id) {

    static JobCursor of(Job job) {
        return new JobCursor(job.createdAt(), job.id());
    }

    String text() {
        String plain = createdAt.toInstant() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a page answered as {@code nextCursor}; anything else is a 400. */
    static JobCursor parse(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException("two parts");
            }
            return new JobCursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ApiProblem(400, "bad-cursor", "Invalid cursor", "cursor is not a nextCursor of this list", List.of());
        }
    }
}
