package io.prmos.engine.schema;

import java.util.Map;
import java.util.Set;

/**
 * What already exists in the database, by name: the planner only adds what is missing, which is
 * what makes applying a catalog twice change nothing.
 */
public record DatabaseSnapshot(Set<String> schemas, Map<String, Set<String>> columnsByTable,
                               Set<String> indexes, Set<String> constraints, Set<String> isolatedTables,
                               Set<String> grantedTables) {

    public static DatabaseSnapshot empty() {
        return new DatabaseSnapshot(Set.of(), Map.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    public static String key(String schema, String name) {
        return schema + "." + name;
    }

    boolean hasTable(String schema, String table) {
        return columnsByTable.containsKey(key(schema, table));
    }

    boolean hasColumn(String schema, String table, String column) {
        return columnsByTable.getOrDefault(key(schema, table), Set.of()).contains(column);
    }
}
