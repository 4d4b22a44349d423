package io.prmos.engine.sql;

import static io.prmos.engine.sql.SqlIdentifier.jsonKey;
import static io.prmos.engine.sql.SqlIdentifier.quote;

import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * How a custom field's value is addressed in SQL (ADR 0065). Values live under the field's name in
 * the row's {@code _custom} JSONB object. Two tenants may give the same name different types, so
 * every cast is guarded by {@code jsonb_typeof}: an expression never fails on another tenant's
 * value, which also makes it usable in an expression index shared by the table. Dates, date-times
 * and UUIDs are stored as normalised text whose order is their order, so they compare as text.
 */
public final class CustomFieldSql {

    /** What the expression of a type evaluates to, which also names its index. */
    public enum Kind { TEXT, NUMBER, BOOLEAN, LIST }

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private CustomFieldSql() {
    }

    public static Kind kind(FieldType type) {
        if (type instanceof FieldType.IntegerType || type instanceof FieldType.BigIntType || type instanceof FieldType.DecimalType) {
            return Kind.NUMBER;
        }
        if (type instanceof FieldType.BooleanType) {
            return Kind.BOOLEAN;
        }
        return type instanceof FieldType.MultiDictionary ? Kind.LIST : Kind.TEXT;
    }

    /** The SQL expression of the field's value, typed by {@link #kind}. */
    public static String expression(FieldDescriptor field) {
        String value = quote(FieldDescriptor.CUSTOM_COLUMN) + " -> " + jsonKey(field.name());
        String text = "(" + quote(FieldDescriptor.CUSTOM_COLUMN) + " ->> " + jsonKey(field.name()) + ")";
        return switch (kind(field.type())) {
            case NUMBER -> "(CASE WHEN jsonb_typeof(" + value + ") = 'number' THEN " + text + "::numeric END)";
            case BOOLEAN -> "(CASE WHEN jsonb_typeof(" + value + ") = 'boolean' THEN " + text + "::boolean END)";
            case LIST -> "ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(" + value + ") = 'array' THEN "
                    + value + " END))";
            case TEXT -> "(CASE WHEN jsonb_typeof(" + value + ") = 'string' THEN " + text + " END)";
        };
    }

    /** Whether the expression may back an index (a subquery may not). */
    public static boolean indexable(FieldDescriptor field) {
        return kind(field.type()) != Kind.LIST;
    }

    /**
     * A typed value (from validation, a filter or a cursor) as it is stored in JSON and compared
     * in SQL: numbers as {@link java.math.BigDecimal}, dates and UUIDs as their text, date-times as
     * fixed-width UTC text.
     */
    public static Object comparable(Object value) {
        if (value instanceof Integer i) {
            return java.math.BigDecimal.valueOf(i);
        }
        if (value instanceof Long l) {
            return java.math.BigDecimal.valueOf(l);
        }
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC).format(INSTANT);
        }
        if (value instanceof LocalDate || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CustomFieldSql::comparable).toList();
        }
        return value;
    }
}
