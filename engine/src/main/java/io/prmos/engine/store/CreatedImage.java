package io.prmos.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.validation.Money;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A created record as {@link RowMapper} will read it back, worked out from the values its INSERT binds, so
 * that the history, activity and outbox rows of a create can travel in the INSERT's own statement
 * (docs/adr/0102). Only the parts observers read: the id, version 1 and every declared field.
 *
 * <p>It is exact only where PostgreSQL stores the bound value unchanged, or changes it in a way known here:
 * text, codes, booleans, whole numbers, dates, uuids, code lists; decimals and money take their column's
 * scale (the validator has already refused more digits). A date-time (the database keeps microseconds and
 * answers in UTC), a JSON value (jsonb orders keys its own way) or a custom field with a value has no image:
 * the create then takes the transaction path, which reads the row back first.
 */
final class CreatedImage {

    private CreatedImage() {
    }

    /** The record's image after the create, or empty when a value's stored form is not known exactly. */
    static Optional<ObjectNode> of(EntityDescriptor entity, UUID id, Map<FieldDescriptor, Object> values) {
        ObjectNode image = RowMapper.NODES.objectNode();
        image.put("id", id.toString());
        image.put("version", 1L);
        for (FieldDescriptor field : entity.fields()) {
            Object value = values.get(field);
            if (field.custom()) {
                if (value != null) {
                    return Optional.empty();
                }
                continue;
            }
            JsonNode stored = value == null ? RowMapper.NODES.nullNode() : stored(field.type(), value);
            if (stored == null) {
                return Optional.empty();
            }
            image.set(field.name(), stored);
        }
        return Optional.of(image);
    }

    /** The value as the row mapper renders the stored column; {@code null} when that is not known exactly. */
    private static JsonNode stored(FieldType type, Object value) {
        if (type instanceof FieldType.Text || type instanceof FieldType.LongText || type instanceof FieldType.Email
                || type instanceof FieldType.Url || type instanceof FieldType.Phone || type instanceof FieldType.Dictionary) {
            return value instanceof String s ? RowMapper.NODES.textNode(s) : null;
        }
        if (type instanceof FieldType.IntegerType) {
            return value instanceof Integer i ? RowMapper.NODES.numberNode(i) : null;
        }
        if (type instanceof FieldType.BigIntType) {
            return value instanceof Long l ? RowMapper.NODES.numberNode(l) : null;
        }
        if (type instanceof FieldType.BooleanType) {
            return value instanceof Boolean b ? RowMapper.NODES.booleanNode(b) : null;
        }
        if (type instanceof FieldType.DateType) {
            return value instanceof LocalDate d ? RowMapper.NODES.textNode(d.toString()) : null;
        }
        if (type instanceof FieldType.UuidType || type instanceof FieldType.Reference) {
            return value instanceof UUID u ? RowMapper.NODES.textNode(u.toString()) : null;
        }
        if (type instanceof FieldType.MultiDictionary) {
            return codes(value);
        }
        if (type instanceof FieldType.DecimalType d) {
            return value instanceof BigDecimal b ? scaled(b, d.scale()).map(RowMapper.NODES::numberNode).orElse(null) : null;
        }
        if (type instanceof FieldType.Money m) {
            return value instanceof Money money ? money(money, m.scale()) : null;
        }
        return null; // a date-time, JSON, or a type added later: not known exactly
    }

    private static JsonNode codes(Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        ArrayNode codes = RowMapper.NODES.arrayNode();
        for (Object code : list) {
            if (!(code instanceof String s)) {
                return null;
            }
            codes.add(s);
        }
        return codes;
    }

    private static JsonNode money(Money money, int scale) {
        return scaled(money.amount(), scale).map(amount -> {
            ObjectNode out = RowMapper.NODES.objectNode();
            out.set("amount", RowMapper.NODES.numberNode(RowMapper.normalized(amount)));
            out.put("currency", money.currency());
            return (JsonNode) out;
        }).orElse(null);
    }

    /** The number as a {@code numeric(p, scale)} column holds it; empty if that would round it. */
    private static Optional<BigDecimal> scaled(BigDecimal value, int scale) {
        try {
            return Optional.of(value.setScale(scale, RoundingMode.UNNECESSARY));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
