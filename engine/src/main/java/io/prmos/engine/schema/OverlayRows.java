package io.prmos.engine.schema;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The kernel rows of tenant overlays ({@code prm_kernel.custom_field} and
 * {@code prm_kernel.dictionary_value}, migration V65). Every statement names the tenant, except
 * the collision lookup of the publish pipeline, which looks across tenants on purpose.
 */
public final class OverlayRows {

    /** Listeners reload a tenant's overlay when its name arrives on this channel. */
    public static final String CHANNEL = "prm_overlay";

    public record StoredField(String tenant, String module, String entity, String name, String definition, String access) {
    }

    public record StoredValue(String tenant, String module, String dictionary, String code, String label, Integer position,
                              boolean active, boolean added) {
    }

    private static final String FIELD_COLUMNS = "tenant_id, module, entity, name, definition::text, access::text";
    private static final String FIELDS = "SELECT " + FIELD_COLUMNS + " FROM prm_kernel.custom_field"
            + " WHERE ($1::text IS NULL OR tenant_id = $1::text) ORDER BY tenant_id, position, name";
    private static final String INSERT_FIELD = "INSERT INTO prm_kernel.custom_field"
            + " (tenant_id, module, entity, name, definition, access, position, created_by, updated_by)"
            + " VALUES ($1::text, $2, $3, $4, $5::text::jsonb, $6::text::jsonb,"
            + " (SELECT coalesce(max(position), 0) + 1 FROM prm_kernel.custom_field WHERE tenant_id = $1::text), $7, $7)";
    private static final String UPDATE_FIELD = "UPDATE prm_kernel.custom_field SET definition = $5::text::jsonb,"
            + " access = $6::text::jsonb, updated_at = now(), updated_by = $7"
            + " WHERE tenant_id = $1 AND module = $2 AND entity = $3 AND name = $4";
    private static final String DELETE_FIELD = "DELETE FROM prm_kernel.custom_field"
            + " WHERE tenant_id = $1 AND module = $2 AND entity = $3 AND name = $4";
    private static final String IN_MODULE = "SELECT " + FIELD_COLUMNS + " FROM prm_kernel.custom_field WHERE module = $1";
    private static final String VALUE_COLUMNS = "tenant_id, module, dictionary, code, label, position, active, added";
    private static final String VALUES = "SELECT " + VALUE_COLUMNS + " FROM prm_kernel.dictionary_value"
            + " WHERE ($1::text IS NULL OR tenant_id = $1::text) ORDER BY tenant_id, module, dictionary, code";
    private static final String UPSERT_VALUE = "INSERT INTO prm_kernel.dictionary_value"
            + " (" + VALUE_COLUMNS + ", updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
            + " ON CONFLICT (tenant_id, module, dictionary, code) DO UPDATE SET label = excluded.label,"
            + " position = excluded.position, active = excluded.active, updated_at = now(), updated_by = excluded.updated_by";
    private static final String DELETE_VALUE = "DELETE FROM prm_kernel.dictionary_value"
            + " WHERE tenant_id = $1 AND module = $2 AND dictionary = $3 AND code = $4";
    private static final String NOTIFY = "SELECT pg_notify($1, $2)";

    private OverlayRows() {
    }

    /** Custom fields of one tenant, or of all tenants when {@code tenant} is null. */
    public static Uni<List<StoredField>> fields(SqlClient c, String tenant) {
        return c.preparedQuery(FIELDS).execute(Tuple.of(tenant)).map(OverlayRows::fieldRows);
    }

    /** Custom fields of every tenant on entities of one module: what a new module version may collide with. */
    public static Uni<List<StoredField>> fieldsInModule(SqlClient c, String module) {
        return c.preparedQuery(IN_MODULE).execute(Tuple.of(module)).map(OverlayRows::fieldRows);
    }

    public static Uni<Void> insertField(SqlClient c, StoredField f, String actor) {
        return c.preparedQuery(INSERT_FIELD).execute(Tuple.tuple(Arrays.asList(f.tenant(), f.module(), f.entity(), f.name(),
                f.definition(), f.access(), actor))).replaceWithVoid();
    }

    public static Uni<Integer> updateField(SqlClient c, StoredField f, String actor) {
        return c.preparedQuery(UPDATE_FIELD).execute(Tuple.tuple(Arrays.asList(f.tenant(), f.module(), f.entity(), f.name(),
                f.definition(), f.access(), actor))).map(rows -> rows.rowCount());
    }

    public static Uni<Integer> deleteField(SqlClient c, String tenant, String module, String entity, String name) {
        return c.preparedQuery(DELETE_FIELD).execute(Tuple.of(tenant, module, entity, name)).map(rows -> rows.rowCount());
    }

    /** Values of one tenant, or of all tenants when {@code tenant} is null. */
    public static Uni<List<StoredValue>> values(SqlClient c, String tenant) {
        return c.preparedQuery(VALUES).execute(Tuple.of(tenant)).map(rows -> {
            List<StoredValue> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new StoredValue(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getInteger(5), r.getBoolean(6), r.getBoolean(7)));
            }
            return out;
        });
    }

    public static Uni<Void> upsertValue(SqlClient c, StoredValue v, String actor) {
        return c.preparedQuery(UPSERT_VALUE).execute(Tuple.tuple(Arrays.asList(v.tenant(), v.module(), v.dictionary(), v.code(),
                v.label(), v.position(), v.active(), v.added(), actor))).replaceWithVoid();
    }

    public static Uni<Integer> deleteValue(SqlClient c, String tenant, String module, String dictionary, String code) {
        return c.preparedQuery(DELETE_VALUE).execute(Tuple.of(tenant, module, dictionary, code)).map(rows -> rows.rowCount());
    }

    /** Tells every instance (this one included) that a tenant's overlay changed, when the transaction commits. */
    public static Uni<Void> notifyChange(SqlClient c, String tenant) {
        return c.preparedQuery(NOTIFY).execute(Tuple.of(CHANNEL, tenant)).replaceWithVoid();
    }

    private static List<StoredField> fieldRows(Iterable<Row> rows) {
        List<StoredField> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new StoredField(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
        }
        return out;
    }
}
