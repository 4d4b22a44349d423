package io.prmos.engine.schema;

import static io.prmos.engine.sql.SqlIdentifier.qualified;
import static io.prmos.engine.sql.SqlIdentifier.quote;

import io.prmos.engine.sql.CustomFieldSql;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The DDL custom fields need (ADR 0065): one {@code _custom jsonb} column per entity table, added
 * the first time any tenant adds a custom field to the entity (metadata-only in PostgreSQL, no
 * table rewrite), and for filterable or sortable fields an expression index
 * {@code (tenant_id, <typed expression>)} shared by every tenant whose field has that name and kind.
 * Both are idempotent ({@code IF NOT EXISTS}) and never dropped by module upgrades, which plan only
 * from the manifests.
 */
public final class CustomFieldStorage {

    private CustomFieldStorage() {
    }

    public static List<String> statements(EntityDescriptor entity, FieldDescriptor field) {
        String table = qualified(entity.schema(), entity.table());
        List<String> out = new ArrayList<>();
        out.add("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + quote(FieldDescriptor.CUSTOM_COLUMN) + " jsonb");
        if ((field.def().filterable() || field.def().sortable()) && CustomFieldSql.indexable(field)) {
            out.add("CREATE INDEX IF NOT EXISTS " + quote(indexName(entity, field)) + " ON " + table
                    + " (" + quote("tenant_id") + ", " + CustomFieldSql.expression(field) + ")");
        }
        return out;
    }

    static String indexName(EntityDescriptor entity, FieldDescriptor field) {
        String kind = CustomFieldSql.kind(field.type()).name().toLowerCase(Locale.ROOT);
        return IndexPlanner.name(entity.table(), List.of(field.name(), kind), "idx");
    }

    private static final String HAS_COLUMN = "SELECT count(*) FROM information_schema.columns"
            + " WHERE table_schema = $1 AND table_name = $2 AND column_name = $3";

    /** Whether the entity's table already has the custom column (then no lock is taken to add it). */
    public static Uni<Boolean> hasColumn(SqlClient c, EntityDescriptor entity) {
        return c.preparedQuery(HAS_COLUMN).execute(io.vertx.mutiny.sqlclient.Tuple.of(entity.schema(), entity.table(),
                FieldDescriptor.CUSTOM_COLUMN)).map(rows -> rows.iterator().next().getLong(0) > 0);
    }

    public static Uni<Void> apply(SqlClient c, List<String> statements) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String statement : statements) {
            chain = chain.flatMap(x -> c.query(statement).execute().replaceWithVoid());
        }
        return chain;
    }
}
