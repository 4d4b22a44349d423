package io.prmos.engine.hooks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Map;

/** A record's JSON as the plain Java values hooks see (numbers with a fraction as BigDecimal), and back. */
final class RecordMaps {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private RecordMaps() {
    }

    static Map<String, Object> toMap(JsonNode record) {
        if (record == null || record.isNull()) {
            return null;
        }
        return Collections.unmodifiableMap(JSON.convertValue(record, MAP));
    }

    static ObjectNode toJson(Map<String, ?> values) {
        return values == null ? JSON.createObjectNode() : JSON.valueToTree(values);
    }

    static JsonNode toJson(Object value) {
        return JSON.valueToTree(value);
    }
}
