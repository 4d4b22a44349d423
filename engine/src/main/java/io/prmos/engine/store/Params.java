package io.prmos.engine.store;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** Collects bound values while a statement is rendered and hands out their {@code $n} placeholders. */
final class Params {

    private final List<Object> values = new ArrayList<>();

    String add(Object value) {
        values.add(value);
        return "$" + values.size();
    }

    Tuple tuple() {
        return Tuple.from(values);
    }

    List<Object> values() {
        return values;
    }
}
