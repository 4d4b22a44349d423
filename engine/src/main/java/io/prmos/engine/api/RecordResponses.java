package io.prmos.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.json.StrictJson;
import java.util.List;
import java.util.OptionalLong;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** HTTP conventions of records: ETag = version, If-Match parsing, JSON bodies. */
final class RecordResponses {

    private RecordResponses() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    static Response ok(ObjectNode record) {
        return Response.ok(record, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, etag(record.get("version").asLong())).build();
    }

    static Response created(ObjectNode record, String location) {
        return Response.status(201).type(MediaType.APPLICATION_JSON_TYPE).entity(record)
                .header(HttpHeaders.ETAG, etag(record.get("version").asLong()))
                .header(HttpHeaders.LOCATION, location).build();
    }

    /** {@code "7"}, {@code W/"7"} or {@code 7} name version 7; {@code *} or no header means any version. */
    static OptionalLong ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return OptionalLong.empty();
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new ApiProblem(400, "invalid-if-match", "Bad request",
                    "If-Match must be the ETag of the record, such as \"3\"", List.of());
        }
    }

    /** The body as JSON, read by {@link StrictJson} (its refusals become 400 problems in {@link ProblemMappers}). */
    static JsonNode parseBody(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiProblem.badRequest("malformed-json", "the request needs a JSON body");
        }
        return StrictJson.read(body);
    }
}
