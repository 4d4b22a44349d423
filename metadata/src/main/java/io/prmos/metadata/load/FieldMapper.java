package io.prmos.metadata.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import io.prmos.metadata.naming.Names;
import java.math.BigDecimal;
import java.util.Optional;

/** Maps one schema-valid field node to {@link FieldDef}, with the per-type option defaults. */
final class FieldMapper {

    private FieldMapper() {
    }

    static FieldDef map(String name, JsonNode node) {
        return new FieldDef(
                name,
                type(node),
                ManifestMapper.text(node, "label").orElse(Names.humanize(name)),
                ManifestMapper.text(node, "description").orElse(null),
                flag(node, "required"),
                flag(node, "unique"),
                flag(node, "readOnly") || node.has("formula"),
                flag(node, "filterable"),
                flag(node, "sortable"),
                flag(node, "searchable"),
                Optional.ofNullable(node.get("default")).map(JsonNode::deepCopy),
                decimal(node, "min"),
                decimal(node, "max"),
                integer(node, "minLength"),
                integer(node, "maxLength"),
                ManifestMapper.text(node, "pattern"),
                ManifestMapper.text(node, "renamedFrom"),
                flag(node, "hierarchy"),
                ManifestMapper.text(node, "formula"));
    }

    static FieldType type(JsonNode node) {
        String type = node.path("type").asText();
        return switch (type) {
            case "text" -> new FieldType.Text(integer(node, "maxLength").orElse(FieldType.Text.DEFAULT_MAX_LENGTH));
            case "longtext" -> new FieldType.LongText();
            case "integer" -> new FieldType.IntegerType();
            case "bigint" -> new FieldType.BigIntType();
            case "decimal" -> new FieldType.DecimalType(
                    integer(node, "precision").orElse(FieldType.DecimalType.DEFAULT_PRECISION),
                    integer(node, "scale").orElse(FieldType.DecimalType.DEFAULT_SCALE));
            case "money" -> new FieldType.Money(
                    integer(node, "precision").orElse(FieldType.Money.DEFAULT_PRECISION),
                    integer(node, "scale").orElse(FieldType.Money.DEFAULT_SCALE),
                    ManifestMapper.strings(node.path("currencies")));
            case "boolean" -> new FieldType.BooleanType();
            case "date" -> new FieldType.DateType();
            case "datetime" -> new FieldType.DateTime();
            case "email" -> new FieldType.Email();
            case "url" -> new FieldType.Url();
            case "phone" -> new FieldType.Phone();
            case "uuid" -> new FieldType.UuidType();
            case "json" -> new FieldType.Json();
            case "dictionary" -> new FieldType.Dictionary(node.path("dictionary").asText());
            case "multidictionary" -> new FieldType.MultiDictionary(node.path("dictionary").asText());
            case "reference" -> new FieldType.Reference(node.path("to").asText(), onDelete(node.path("onDelete").asText("restrict")));
            default -> throw new IllegalStateException("schema admitted field type '" + type + "'");
        };
    }

    private static FieldType.OnDelete onDelete(String text) {
        return switch (text) {
            case "setNull" -> FieldType.OnDelete.SET_NULL;
            case "cascade" -> FieldType.OnDelete.CASCADE;
            default -> FieldType.OnDelete.RESTRICT;
        };
    }

    private static boolean flag(JsonNode node, String key) {
        return node.path(key).asBoolean(false);
    }

    private static Optional<BigDecimal> decimal(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || !value.isNumber() ? Optional.empty() : Optional.of(value.decimalValue());
    }

    private static Optional<Integer> integer(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isNumber()) {
            return Optional.empty();
        }
        // out-of-range values are clamped so that the semantic checker reports them as too large/small
        BigDecimal clamped = value.decimalValue().max(BigDecimal.valueOf(Integer.MIN_VALUE)).min(BigDecimal.valueOf(Integer.MAX_VALUE));
        return Optional.of(clamped.intValue());
    }
}
