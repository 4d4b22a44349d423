package io.prmos.engine.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between validated values (what {@link RecordValidator} returns) and the record's JSON
 * form, so that rules and hooks can look at "the record as it will be written": the stored row
 * merged with the values of a write.
 */
public final class TypedValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private TypedValues() {
    }

    public static JsonNode toJson(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof Money money) {
            ObjectNode out = NODES.objectNode();
            out.set("amount", NODES.numberNode(money.amount()));
            out.put("currency", money.currency());
            return out;
        }
        if (value instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof List<?> items) {
            ArrayNode out = NODES.arrayNode();
            items.forEach(item -> out.add(String.valueOf(item)));
            return out;
        }
        return NODES.textNode(value.toString());
    }

    /** The stored record (may be {@code null}) with the written values on top. */
    public static ObjectNode merged(ObjectNode stored, Map<FieldDescriptor, Object> values) {
        ObjectNode out = stored == null ? NODES.objectNode() : stored.deepCopy();
        values.forEach((field, value) -> out.set(field.name(), toJson(value)));
        return out;
    }

    /**
     * Parses JSON values by field name into validated values (types only: values written by trusted
     * code skip the request-only rules such as read-only and permissions). Unknown fields and values of
     * the wrong type are violations at {@code pointerPrefix/field}.
     */
    public static Map<FieldDescriptor, Object> parse(EntityDescriptor entity, ObjectNode values, String pointerPrefix) {
        List<Violation> violations = new ArrayList<>();
        Map<FieldDescriptor, Object> out = new LinkedHashMap<>();
        values.fields().forEachRemaining(e -> {
            String pointer = pointerPrefix + "/" + e.getKey();
            FieldDescriptor field = entity.field(e.getKey()).orElse(null);
            if (field == null) {
                violations.add(new Violation(pointer, "unknown", "unknown field '" + e.getKey() + "' of " + entity.qualifiedName()));
            } else if (e.getValue() == null || e.getValue().isNull()) {
                out.put(field, null);
            } else {
                ValueParser.Parsed parsed = ValueParser.parse(field.type(), e.getValue());
                if (parsed.failed()) {
                    violations.add(new Violation(pointer, "type", parsed.error()));
                } else {
                    out.put(field, parsed.value());
                }
            }
        });
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return out;
    }
}
