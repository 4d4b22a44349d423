package io.prmos.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.Json;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.util.List;

/** Converts typed values (from validation or filters) into what the reactive PostgreSQL client binds. */
final class BindValues {

    private BindValues() {
    }

    static Object of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return Numeric.create(d);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String.class::cast).toArray(String[]::new);
        }
        if (value instanceof JsonNode node) {
            return node.isNull() ? io.vertx.sqlclient.Tuple.JSON_NULL : Json.decodeValue(node.toString());
        }
        return value;
    }

    /** An array parameter for {@code = ANY($n)}, typed after its first element. */
    static Object array(List<Object> values) {
        Object first = values.isEmpty() ? "" : values.get(0);
        if (first instanceof BigDecimal) {
            return values.stream().map(v -> Numeric.create((BigDecimal) v)).toArray(Numeric[]::new);
        }
        if (first instanceof java.util.UUID) {
            return values.toArray(java.util.UUID[]::new);
        }
        if (first instanceof Integer) {
            return values.toArray(Integer[]::new);
        }
        if (first instanceof Long) {
            return values.toArray(Long[]::new);
        }
        if (first instanceof java.time.LocalDate) {
            return values.toArray(java.time.LocalDate[]::new);
        }
        if (first instanceof java.time.OffsetDateTime) {
            return values.toArray(java.time.OffsetDateTime[]::new);
        }
        if (first instanceof Boolean) {
            return values.toArray(Boolean[]::new);
        }
        return values.stream().map(String::valueOf).toArray(String[]::new);
    }
}
