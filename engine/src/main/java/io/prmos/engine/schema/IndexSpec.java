package io.prmos.engine.schema;

import java.util.List;
import java.util.Set;

/**
 * An index to create. Unique indexes cover live rows only (soft-deleted rows do not block a new
 * record with the same value); {@code descending} names the columns stored in descending order
 * (the index of an entity's default sort); {@code digested} names text columns that enter the
 * index as their md5 digest because a value may be too long for a b-tree entry.
 */
public record IndexSpec(String name, List<String> columns, boolean unique, Method method, Set<String> descending,
                        Set<String> digested) {

    /** B-tree; GIN for arrays; GIN without a pending list for search vectors; hash for equality on long text. */
    public enum Method { BTREE, GIN, SEARCH, HASH }

    public IndexSpec {
        columns = List.copyOf(columns);
        descending = Set.copyOf(descending);
        digested = Set.copyOf(digested);
    }

    public IndexSpec(String name, List<String> columns, boolean unique, boolean gin, Set<String> descending) {
        this(name, columns, unique, gin ? Method.GIN : Method.BTREE, descending, Set.of());
    }

    public IndexSpec(String name, List<String> columns, boolean unique, boolean gin) {
        this(name, columns, unique, gin, Set.of());
    }

    /** The GIN index of a search vector column. */
    public static IndexSpec search(String name, String column) {
        return new IndexSpec(name, List.of(column), false, Method.SEARCH, Set.of(), Set.of());
    }

    public boolean gin() {
        return method == Method.GIN || method == Method.SEARCH;
    }
}
