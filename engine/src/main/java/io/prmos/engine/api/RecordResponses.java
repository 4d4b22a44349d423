package io.prmos.engine.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.OptionalLong;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** HTTP conventions of records: ETag = version, If-Match parsing, JSON bodies. */
final class RecordResponses {

    /** Strict: {@code {"a":1} junk} is malformed, not {@code {"a":1}}. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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

    static JsonNode parseBody(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiProblem.badRequest("malformed-json", "the request needs a JSON body");
        }
        try {
            return JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ApiProblem.badRequest("malformed-json", "the body is not valid JSON" + where);
        } catch (java.io.IOException e) {
            throw ApiProblem.badRequest("malformed-json", "the body could not be read");
        }
    }
}
