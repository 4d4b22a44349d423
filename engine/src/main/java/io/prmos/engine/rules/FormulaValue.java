package io.prmos.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.prmos.engine.validation.ValueParser;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import io.prmos.metadata.rules.EntityExpressions;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A formula's CEL result as a value of its field: decimals rounded half-up to the field's scale. */
final class FormulaValue {

    record Converted(Object value, String error) {
    }

    private FormulaValue() {
    }

    static Converted convert(FieldDescriptor field, EntityExpressions.Evaluation result) {
        if (result.error() != null) {
            return new Converted(null, "the formula could not be evaluated: " + result.error());
        }
        Object value = result.value();
        JsonNode node;
        if (field.type() instanceof FieldType.DecimalType decimal && value instanceof Number number) {
            BigDecimal exact = number instanceof Double d ? BigDecimal.valueOf(d) : new BigDecimal(number.toString());
            node = JsonNodeFactory.withExactBigDecimals(true).numberNode(exact.setScale(decimal.scale(), RoundingMode.HALF_UP));
        } else if (value instanceof Number number) {
            node = JsonNodeFactory.instance.numberNode(new BigDecimal(number.toString()));
        } else if (value instanceof Boolean b) {
            node = JsonNodeFactory.instance.booleanNode(b);
        } else {
            node = JsonNodeFactory.instance.textNode(String.valueOf(value));
        }
        ValueParser.Parsed parsed = ValueParser.parse(field.type(), node);
        return parsed.failed() ? new Converted(null, "the formula's result " + node + " is not a valid value: " + parsed.error())
                : new Converted(parsed.value(), null);
    }
}
