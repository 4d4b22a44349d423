package io.prmos.engine.schema;

import java.util.List;

/**
 * An index to create. Unique indexes cover live rows only (soft-deleted rows do not block a new
 * record with the same value); {@code gin} is used for array columns; {@code descending} names
 * the columns stored in descending order (the index of an entity's default sort).
 */
public record IndexSpec(String name, List<String> columns, boolean unique, boolean gin, java.util.Set<String> descending) {

    public IndexSpec {
        columns = List.copyOf(columns);
        descending = java.util.Set.copyOf(descending);
    }

    public IndexSpec(String name, List<String> columns, boolean unique, boolean gin) {
        this(name, columns, unique, gin, java.util.Set.of());
    }
}
