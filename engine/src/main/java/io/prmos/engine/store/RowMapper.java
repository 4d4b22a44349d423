package io.prmos.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.SystemFields;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.sqlclient.data.Numeric;
import java.math.BigDecimal;
import java.util.Set;

/** Reads a selected row into the record's JSON: system fields first, then fields in declaration order. */
final class RowMapper {

    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper JSON = new ObjectMapper();

    private RowMapper() {
    }

    static ObjectNode toJson(EntityStatements statements, Row row, Set<String> projection) {
        return toJson(statements, row, projection, 0);
    }

    /**
     * Maps the entity's columns starting at {@code offset}: a statement may return two images of a
     * row side by side (after and before a write).
     */
    static ObjectNode toJson(EntityStatements statements, Row row, Set<String> projection, int offset) {
        ObjectNode out = NODES.objectNode();
        for (int i = 0; i < SystemFields.ORDER.size(); i++) {
            String name = SystemFields.ORDER.get(i);
            if (projection == null || projection.contains(name) || name.equals("id") || name.equals("version")) {
                out.set(name, scalar(row.getValue(offset + i)));
            }
            if (i == 0) {
                out.put("urn", new io.prmos.engine.query.Urn(statements.entity.module(), statements.entity.path(),
                        (java.util.UUID) row.getValue(offset)).toString());
            }
        }
        if (statements.entity.options().publicId().isPresent()) {
            out.set(PublicIds.COLUMN, scalar(row.getValue(offset + statements.columns.size() - 1)));
        }
        Object deletedAt = row.getValue(offset + SystemFields.ORDER.size());
        if (deletedAt != null) {
            out.put("deleted_at", deletedAt.toString());
        }
        int index = offset + SystemFields.ORDER.size() + 1;
        JsonNode custom = statements.customIndex < 0 ? null : customValues(row.getValue(offset + statements.customIndex));
        for (FieldDescriptor field : statements.entity.fields()) {
            if (field.custom()) {
                if (projection == null || projection.contains(field.name())) {
                    out.set(field.name(), CustomValues.read(field, custom));
                }
                continue;
            }
            if (projection == null || projection.contains(field.name())) {
                out.set(field.name(), field(field, row, index));
            }
            index += field.columns().size();
        }
        return out;
    }

    /**
     * The record as {@link #toJson(EntityStatements, Row, Set)} with {@code projection} would map it, taken
     * from its full form instead of the row again: the system fields the projection names (id and version
     * always), the URN, the public id and deleted_at whenever present, and the projected fields.
     */
    static ObjectNode project(EntityStatements statements, ObjectNode full, Set<String> projection) {
        if (projection == null) {
            return full.deepCopy();
        }
        ObjectNode out = NODES.objectNode();
        full.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            boolean always = name.equals("id") || name.equals("version") || name.equals("urn") || name.equals("deleted_at")
                    || name.equals(PublicIds.COLUMN);
            if (always || projection.contains(name)) {
                out.set(name, entry.getValue());
            }
        });
        return out;
    }

    private static JsonNode customValues(Object text) {
        return text == null ? null : CustomValues.parse(text.toString());
    }

    private static JsonNode field(FieldDescriptor field, Row row, int index) {
        Object value = row.getValue(index);
        if (field.type() instanceof FieldType.Money) {
            if (value == null) {
                return NODES.nullNode();
            }
            ObjectNode money = NODES.objectNode();
            money.set("amount", NODES.numberNode(normalized(((Numeric) value).bigDecimalValue())));
            money.put("currency", row.getString(index + 1));
            return money;
        }
        if (field.type() instanceof FieldType.Json) {
            return json(value);
        }
        return scalar(value);
    }

    private static JsonNode scalar(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
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
        if (value instanceof Numeric n) {
            return NODES.numberNode(n.bigDecimalValue());
        }
        if (value instanceof String[] array) {
            ArrayNode codes = NODES.arrayNode();
            for (String code : array) {
                codes.add(code);
            }
            return codes;
        }
        return NODES.textNode(value.toString());
    }

    private static JsonNode json(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonObject || value instanceof JsonArray) {
            return JSON.valueToTree(value instanceof JsonObject o ? o.getMap() : ((JsonArray) value).getList());
        }
        return JSON.valueToTree(value);
    }

    /** 1234.5000 → 1234.5 and 1000.0000 → 1000 (never 1E+3). */
    static BigDecimal normalized(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
