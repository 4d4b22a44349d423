package io.prmos.engine.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    public static List<Object> decode(String cursor, String sortSignature, List<SortColumn> sort) {
        JsonNode root;
        try {
            root = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (Exception e) {
            throw new QueryException(PARAM, "malformed cursor; use the nextCursor of a previous page");
        }
        if (root == null || !root.path("s").asText("").equals(sortSignature) || !root.path("v").isArray()
                || root.path("v").size() != sort.size()) {
            throw new QueryException(PARAM, "this cursor belongs to another sort or filter; start again without it");
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            JsonNode node = root.path("v").get(i);
            if (node.isNull()) {
                values.add(null);
                continue;
            }
            ValueParser.Parsed parsed = ValueParser.parseText(sort.get(i).valueType(), node.asText());
            if (parsed.failed()) {
                throw new QueryException(PARAM, "malformed cursor; use the nextCursor of a previous page");
            }
            values.add(parsed.value());
        }
        return values;
    }
}
