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

    /** The snapshot as it will be once renaming steps ran, so the additive planner does not re-create renamed objects. */
    public DatabaseSnapshot after(java.util.List<MigrationStep> steps) {
        Map<String, Set<String>> columns = new java.util.HashMap<>();
        columnsByTable.forEach((k, v) -> columns.put(k, new java.util.HashSet<>(v)));
        Set<String> isolated = new java.util.HashSet<>(isolatedTables);
        Set<String> granted = new java.util.HashSet<>(grantedTables);
        for (MigrationStep step : steps) {
            if (step instanceof MigrationStep.RenameTable r) {
                moveKey(columns, key(r.schema(), r.from()), key(r.schema(), r.to()));
                if (isolated.remove(key(r.schema(), r.from()))) isolated.add(key(r.schema(), r.to()));
                if (granted.remove(key(r.schema(), r.from()))) granted.add(key(r.schema(), r.to()));
            } else if (step instanceof MigrationStep.RenameColumn r) {
                Set<String> tableColumns = columns.get(key(r.schema(), r.table()));
                if (tableColumns != null && tableColumns.remove(r.from())) {
                    tableColumns.add(r.to());
                }
            }
        }
        return new DatabaseSnapshot(schemas, columns, indexes, constraints, isolated, granted);
    }

    private static void moveKey(Map<String, Set<String>> map, String from, String to) {
        Set<String> value = map.remove(from);
        if (value != null) {
            map.put(to, value);
        }
    }

    boolean hasTable(String schema, String table) {
        return columnsByTable.containsKey(key(schema, table));
    }

    boolean hasColumn(String schema, String table, String column) {
        return columnsByTable.getOrDefault(key(schema, table), Set.of()).contains(column);
    }
}
