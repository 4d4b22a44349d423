package io.prmos.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.json.StrictJson;
import io.prmos.engine.validation.ValueParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursors: the sort values of the last row of a page (and its id), bound to the sort
 * they were made for. Clients must not build them; a cursor from another sort is refused.
 */
public final class CursorCodec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARAM = "cursor";

    private CursorCodec() {
    }

    public static String encode(String sortSignature, List<Object> values) {
        ObjectNode root = JSON.createObjectNode();
        root.put("s", sortSignature);
        ArrayNode array = root.putArray("v");
        values.forEach(v -> {
            if (v == null) {
                array.addNull();
            } else {
                array.add(v.toString());
            }
        });
        return Base64.getUrlEncoder().withoutPadding().encodeToString(root.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort values a cursor carries, typed per sort column. A cursor is client input like any
     * other: it is read by {@link StrictJson}, holds only strings (or null where the column may be
     * null; system columns such as the {@code id} tie-breaker never are) and each value must parse
     * as its column's type.
     */
    public static List<Object> decode(String cursor, String sortSignature, List<SortColumn> sort) {
        JsonNode root;
        try {
            root = StrictJson.read(Base64.getUrlDecoder().decode(cursor));
        } catch (IllegalArgumentException | StrictJson.Refused e) {
            throw malformed();
        }
        if (!root.isObject()) {
            throw malformed();
        }
        if (!root.path("s").asText("").equals(sortSignature) || !root.path("v").isArray() || root.path("v").size() != sort.size()) {
            throw new QueryException(PARAM, "this cursor belongs to another sort or filter; start again without it");
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            values.add(value(root.path("v").get(i), sort.get(i)));
        }
        return values;
    }

    private static Object value(JsonNode node, SortColumn column) {
        if (node.isNull() && !SystemFields.isSystemColumn(column.column())) {
            return null;
        }
        if (!node.isTextual()) {
            throw malformed();
        }
        ValueParser.Parsed parsed = ValueParser.parseText(column.valueType(), node.textValue());
        if (parsed.failed()) {
            throw malformed();
        }
        return parsed.value();
    }

    private static QueryException malformed() {
        return new QueryException(PARAM, "malformed cursor; use the nextCursor of a previous page");
    }
}
