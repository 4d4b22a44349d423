package io.prmos.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A custom action on a record ({@code POST .../{id}/actions/{name}}), run by a Java hook.
 *
 * @param input the JSON Schema (draft 2020-12) the request body must satisfy; empty accepts an empty object
 * @param roles the roles that may call it (the caller must also be able to read the record)
 */
public record ActionDef(String name, String label, String hook, Optional<JsonNode> input, List<String> roles) {
}
