package io.prmos.engine.schema;

import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Reads, from PostgreSQL's catalogs, which of a catalog's schemas, tables, columns, indexes and policies exist. */
public final class SchemaIntrospector {

    private static final String SCHEMAS = "SELECT nspname FROM pg_namespace WHERE nspname = ANY($1)";
    private static final String COLUMNS = "SELECT table_schema, table_name, column_name FROM information_schema.columns"
            + " WHERE table_schema = ANY($1)";
    private static final String INDEXES = "SELECT schemaname, indexname FROM pg_indexes WHERE schemaname = ANY($1)";
    private static final String CONSTRAINTS = "SELECT n.nspname, c.conname FROM pg_constraint c"
            + " JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = ANY($1)";
    /** Tables the data role may delete from (the last privilege a grant step gives). */
    private static final String GRANTS = "SELECT table_schema, table_name FROM information_schema.role_table_grants"
            + " WHERE table_schema = ANY($1) AND grantee = $2 AND privilege_type = 'DELETE'";
    private static final String POLICIES = "SELECT schemaname, tablename FROM pg_policies"
            + " WHERE schemaname = ANY($1) AND policyname = 'tenant_isolation'";

    /** The signature (comment) of each table's search vector columns ({@code search_vector}, {@code search_vector_…}). */
    private static final String SEARCH_VECTORS = "SELECT n.nspname, c.relname, a.attname, coalesce(col_description(c.oid, a.attnum), '')"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ANY($1) AND c.relkind = 'r' AND (a.attname = 'search_vector' OR a.attname LIKE 'search\\_vector\\_%')"
            + " AND NOT a.attisdropped";

    public Uni<DatabaseSnapshot> snapshot(SqlConnection c, Catalog catalog, String dataRole) {
        String[] schemas = catalog.modules().stream().map(ModuleDescriptor::schema).toArray(String[]::new);
        Tuple args = Tuple.of(schemas);
        Set<String> foundSchemas = new HashSet<>();
        Map<String, Set<String>> columns = new HashMap<>();
        Set<String> indexes = new HashSet<>();
        Set<String> constraints = new HashSet<>();
        Set<String> isolated = new HashSet<>();
        Set<String> granted = new HashSet<>();
        Map<String, String> search = new HashMap<>();
        return c.preparedQuery(SCHEMAS).execute(args)
                .invoke(rows -> rows.forEach(r -> foundSchemas.add(r.getString(0))))
                .flatMap(x -> c.preparedQuery(COLUMNS).execute(args))
                .invoke(rows -> rows.forEach(r -> columns.computeIfAbsent(key(r), k -> new HashSet<>()).add(r.getString(2))))
                .flatMap(x -> c.preparedQuery(INDEXES).execute(args))
                .invoke(rows -> rows.forEach(r -> indexes.add(key(r))))
                .flatMap(x -> c.preparedQuery(CONSTRAINTS).execute(args))
                .invoke(rows -> rows.forEach(r -> constraints.add(key(r))))
                .flatMap(x -> c.preparedQuery(POLICIES).execute(args))
                .invoke(rows -> rows.forEach(r -> isolated.add(key(r))))
                .flatMap(x -> c.preparedQuery(GRANTS).execute(Tuple.of(schemas, dataRole)))
                .invoke(rows -> rows.forEach(r -> granted.add(key(r))))
                .flatMap(x -> c.preparedQuery(SEARCH_VECTORS).execute(args))
                .invoke(rows -> rows.forEach(r -> search.put(
                        DatabaseSnapshot.columnKey(r.getString(0), r.getString(1), r.getString(2)), r.getString(3))))
                .map(x -> new DatabaseSnapshot(foundSchemas, columns, indexes, constraints, isolated, granted, search));
    }

    private static String key(Row row) {
        return DatabaseSnapshot.key(row.getString(0), row.getString(1));
    }
}
