package io.prmos.engine.schema;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What already exists in the database, by name: the planner only adds what is missing, which is
 * what makes applying a catalog twice change nothing.
 */
public record DatabaseSnapshot(Set<String> schemas, Map<String, Set<String>> columnsByTable,
                               Set<String> indexes, Set<String> constraints, Set<String> isolatedTables,
                               Set<String> grantedTables, Map<String, String> searchVectors) {

    /** @param searchVectors {@code schema.table.column} → signature (comment) of each search vector column */
    public DatabaseSnapshot {
        searchVectors = Map.copyOf(searchVectors);
    }

    public DatabaseSnapshot(Set<String> schemas, Map<String, Set<String>> columnsByTable, Set<String> indexes,
                            Set<String> constraints, Set<String> isolatedTables, Set<String> grantedTables) {
        this(schemas, columnsByTable, indexes, constraints, isolatedTables, grantedTables, Map.of());
    }

    public static DatabaseSnapshot empty() {
        return new DatabaseSnapshot(Set.of(), Map.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    public static String key(String schema, String name) {
        return schema + "." + name;
    }

    public static String columnKey(String schema, String table, String column) {
        return schema + "." + table + "." + column;
    }

    /** The search vector columns of one table: column → signature. */
    public Map<String, String> searchVectorsOf(String schema, String table) {
        String prefix = key(schema, table) + ".";
        Map<String, String> out = new java.util.HashMap<>();
        searchVectors.forEach((k, signature) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), signature);
            }
        });
        return out;
    }

    /** The snapshot as it will be once renaming steps ran, so the additive planner does not re-create renamed objects. */
    public DatabaseSnapshot after(java.util.List<MigrationStep> steps) {
        Map<String, Set<String>> columns = new java.util.HashMap<>();
        columnsByTable.forEach((k, v) -> columns.put(k, new java.util.HashSet<>(v)));
        Set<String> isolated = new java.util.HashSet<>(isolatedTables);
        Set<String> granted = new java.util.HashSet<>(grantedTables);
        Map<String, String> search = new java.util.HashMap<>(searchVectors);
        Set<String> indexNames = new java.util.HashSet<>(indexes);
        for (MigrationStep step : steps) {
            if (step instanceof MigrationStep.RenameTable r) {
                moveKey(columns, key(r.schema(), r.from()), key(r.schema(), r.to()));
                if (isolated.remove(key(r.schema(), r.from()))) isolated.add(key(r.schema(), r.to()));
                if (granted.remove(key(r.schema(), r.from()))) granted.add(key(r.schema(), r.to()));
                String from = key(r.schema(), r.from()) + ".";
                for (String k : List.copyOf(search.keySet())) {
                    if (k.startsWith(from)) search.put(key(r.schema(), r.to()) + "." + k.substring(from.length()), search.remove(k));
                }
            } else if (step instanceof MigrationStep.DropSearchVector d) {
                search.remove(columnKey(d.schema(), d.table(), d.column()));
                indexNames.remove(key(d.schema(), SearchVectors.indexName(d.table(), d.column())));
                Set<String> tableColumns = columns.get(key(d.schema(), d.table()));
                if (tableColumns != null) tableColumns.remove(d.column());
            } else if (step instanceof MigrationStep.DropIndex d) {
                indexNames.remove(key(d.schema(), d.name()));
            } else if (step instanceof MigrationStep.RenameColumn r) {
                Set<String> tableColumns = columns.get(key(r.schema(), r.table()));
                if (tableColumns != null && tableColumns.remove(r.from())) {
                    tableColumns.add(r.to());
                }
            }
        }
        return new DatabaseSnapshot(schemas, columns, indexNames, constraints, isolated, granted, search);
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
