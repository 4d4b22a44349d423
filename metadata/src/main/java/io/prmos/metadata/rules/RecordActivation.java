package io.prmos.metadata.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The variables an expression is evaluated with: a record's JSON (the API's form) turned into CEL
 * values, an empty field as its type's zero value ({@code ""}, {@code 0}, {@code 0.0}, {@code false},
 * an empty list, a zero amount), so rules never fail on a missing value.
 */
public final class RecordActivation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordActivation() {
    }

    public static Map<String, Object> of(EntityDef entity, JsonNode record) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("id", record.path("id").asText(""));
        for (FieldDef field : entity.fields().values()) {
            JsonNode value = record.get(field.name());
            vars.put(field.name(), value(field.type(), value == null || value.isNull() ? null : value));
        }
        return vars;
    }

    private static Object value(FieldType type, JsonNode value) {
        if (type instanceof FieldType.IntegerType || type instanceof FieldType.BigIntType) {
            return value == null ? 0L : value.asLong();
        }
        if (type instanceof FieldType.DecimalType) {
            return value == null ? 0.0 : value.asDouble();
        }
        if (type instanceof FieldType.BooleanType) {
            return value != null && value.asBoolean();
        }
        if (type instanceof FieldType.Money) {
            return Map.of("amount", value == null ? 0.0 : value.path("amount").asDouble(),
                    "currency", value == null ? "" : value.path("currency").asText(""));
        }
        if (type instanceof FieldType.MultiDictionary) {
            List<String> codes = new ArrayList<>();
            if (value != null) {
                value.forEach(code -> codes.add(code.asText()));
            }
            return codes;
        }
        if (type instanceof FieldType.Json) {
            return value == null ? Map.of() : JSON.convertValue(value, Object.class);
        }
        return value == null ? "" : value.asText();
    }
}
