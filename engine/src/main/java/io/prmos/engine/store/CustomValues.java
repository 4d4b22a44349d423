package io.prmos.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonGenerator;
import io.prmos.engine.sql.CustomFieldSql;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Custom field values between their typed form and the row's {@code _custom} JSON object: written
 * in their comparable form ({@link CustomFieldSql#comparable}), read back as the record JSON shows
 * a declared field of the same type. A null value is stored as an absent key.
 */
final class CustomValues {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private CustomValues() {
    }

    /** The values to set (non-null, as JSON text) and the names to remove (null values). */
    record Change(String set, String[] removed) {
        boolean isEmpty() {
            return set.equals("{}") && removed.length == 0;
        }
    }

    static Change change(Map<FieldDescriptor, Object> values) {
        ObjectNode set = JSON.createObjectNode();
        List<String> removed = new ArrayList<>();
        for (Map.Entry<FieldDescriptor, Object> entry : values.entrySet()) {
            if (!entry.getKey().custom()) {
                continue;
            }
            if (entry.getValue() == null) {
                removed.add(entry.getKey().name());
            } else {
                set.set(entry.getKey().name(), JSON.valueToTree(CustomFieldSql.comparable(entry.getValue())));
            }
        }
        return new Change(set.toString(), removed.toArray(String[]::new));
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable custom values", e);
        }
    }

    static JsonNode read(FieldDescriptor field, JsonNode values) {
        JsonNode value = values == null ? null : values.get(field.name());
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (field.type() instanceof FieldType.DateTime && value.isTextual()) {
            return JsonNodeFactory.instance.textNode(OffsetDateTime.parse(value.asText()).toString());
        }
        return value;
    }

    /** The stored value of a custom field as the text a cursor carries, or null. */
    static String cursorValue(FieldDescriptor field, Object customText) {
        JsonNode value = customText == null ? null : parse(customText.toString()).get(field.name());
        return value == null || value.isNull() ? null : value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
    }
}
