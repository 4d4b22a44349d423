package io.prmos.engine.schema;

import java.util.List;

/**
 * An index to create. Unique indexes cover live rows only (soft-deleted rows do not block a new
 * record with the same value); {@code gin} is used for array columns.
 */
public record IndexSpec(String name, List<String> columns, boolean unique, boolean gin) {

    public IndexSpec {
        columns = List.copyOf(columns);
    }
}
