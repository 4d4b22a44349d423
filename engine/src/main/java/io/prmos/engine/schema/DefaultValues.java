package io.prmos.engine.schema;

import io.prmos.engine.validation.ValueParser;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** A field's manifest default as a value the PostgreSQL client can bind (for back-fills). */
final class DefaultValues {

    private DefaultValues() {
    }

    static Optional<Object> bindable(FieldDescriptor field) {
        return field.def().defaultValue().map(node -> ValueParser.parse(field.type(), node)).filter(p -> !p.failed())
                .map(ValueParser.Parsed::value).map(DefaultValues::convert);
    }

    private static Object convert(Object value) {
        if (value instanceof BigDecimal d) {
            return Numeric.create(d);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toArray(String[]::new);
        }
        if (value instanceof com.fasterxml.jackson.databind.JsonNode node) {
            return io.vertx.core.json.Json.decodeValue(node.toString());
        }
        return value;
    }
}
