package io.prmos.engine.openapi;

import static org.eclipse.microprofile.openapi.OASFactory.createSchema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A JSON Schema written in a manifest (a custom event's payload, an action's input) as an OpenAPI
 * schema model. OpenAPI 3.1 schemas are JSON Schema 2020-12, so keywords carry over as they are;
 * only the sub-schema keywords are rebuilt as models so the document writer sees one tree.
 */
final class JsonSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SCHEMA_MAPS = List.of("properties", "patternProperties", "$defs");
    private static final List<String> SCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf", "prefixItems");
    private static final List<String> SCHEMA_VALUES = List.of("items", "not", "additionalProperties", "contains", "if", "then", "else");

    private JsonSchemas() {
    }

    static Schema toSchema(JsonNode node) {
        Schema schema = createSchema();
        if (!node.isObject()) {
            return schema;
        }
        node.fields().forEachRemaining(entry -> {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals("type")) {
                (value.isArray() ? value : JSON.createArrayNode().add(value)).forEach(t ->
                        schema.addType(Schema.SchemaType.valueOf(t.asText().toUpperCase(java.util.Locale.ROOT))));
            } else if (SCHEMA_MAPS.contains(key) && value.isObject()) {
                Map<String, Schema> map = new java.util.LinkedHashMap<>();
                value.fields().forEachRemaining(p -> map.put(p.getKey(), toSchema(p.getValue())));
                schema.set(key, map);
            } else if (SCHEMA_LISTS.contains(key) && value.isArray()) {
                List<Schema> list = new ArrayList<>();
                value.forEach(v -> list.add(toSchema(v)));
                schema.set(key, list);
            } else if (SCHEMA_VALUES.contains(key) && value.isObject()) {
                schema.set(key, toSchema(value));
            } else {
                schema.set(key, JSON.convertValue(value, Object.class));
            }
        });
        return schema;
    }
}
