package io.prmos.engine.store.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Rows as JSON objects with the columns' names (timestamps as ISO text, jsonb as JSON). */
final class Rows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Rows() {
    }

    static ObjectNode json(Row row) {
        try {
            return (ObjectNode) JSON.readTree(row.toJson().encode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArrayNode all(RowSet<Row> rows) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        rows.forEach(row -> out.add(json(row)));
        return out;
    }

    static String text(Object json) {
        try {
            return json == null ? null : JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
