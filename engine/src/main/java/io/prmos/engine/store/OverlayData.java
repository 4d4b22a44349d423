package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.jsonKey;
import static io.prmos.engine.sql.SqlIdentifier.qualified;
import static io.prmos.engine.sql.SqlIdentifier.quote;

import io.prmos.engine.security.Caller;
import io.prmos.engine.sql.CustomFieldSql;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * The record data a tenant's overlay changes touch, always in the caller's tenant (kernel
 * predicate and row-level security): custom field values to count or remove, and records that use a
 * dictionary value. Deleted records count: they can be restored.
 */
public final class OverlayData {

    private final TenantTransactions transactions;
    private final KernelTenantFilter tenantFilter;

    public OverlayData(TenantTransactions transactions, KernelTenantFilter tenantFilter) {
        this.transactions = transactions;
        this.tenantFilter = tenantFilter;
    }

    /** How many of the tenant's records hold a value for the custom field. */
    public Uni<Long> countValues(Caller caller, EntityDescriptor entity, String name) {
        Params params = new Params();
        String sql = "SELECT count(*) FROM " + qualified(entity.schema(), entity.table()) + " WHERE "
                + tenantFilter.condition(params, caller) + " AND " + quote(FieldDescriptor.CUSTOM_COLUMN) + " ? " + jsonKey(name);
        return transactions.run(caller, c -> c.preparedQuery(sql).execute(params.tuple()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Removes the custom field's values from the tenant's records; versions are not bumped (no field changed meaning). */
    public Uni<Long> removeValues(Caller caller, EntityDescriptor entity, String name) {
        Params params = new Params();
        String column = quote(FieldDescriptor.CUSTOM_COLUMN);
        String sql = "UPDATE " + qualified(entity.schema(), entity.table()) + " SET " + column + " = " + column + " - "
                + jsonKey(name) + " WHERE " + tenantFilter.condition(params, caller) + " AND " + column + " ? " + jsonKey(name);
        return transactions.run(caller, c -> c.preparedQuery(sql).execute(params.tuple())).map(rows -> (long) rows.rowCount());
    }

    /** How many of the tenant's records use {@code code} in any field (declared or custom) bound to the dictionary. */
    public Uni<Long> countDictionaryUse(Caller caller, List<EntityDescriptor> entities, String dictionary, String code) {
        Uni<Long> total = Uni.createFrom().item(0L);
        for (EntityDescriptor entity : entities) {
            for (FieldDescriptor field : entity.fields()) {
                String predicate = usePredicate(field, dictionary);
                if (predicate == null) {
                    continue;
                }
                Params params = new Params();
                String sql = "SELECT count(*) FROM " + qualified(entity.schema(), entity.table()) + " WHERE "
                        + tenantFilter.condition(params, caller) + " AND " + predicate.replace("?", params.add(code));
                total = total.flatMap(sum -> transactions.run(caller, c -> c.preparedQuery(sql).execute(params.tuple()))
                        .map(rows -> sum + rows.iterator().next().getLong(0)));
            }
        }
        return total;
    }

    /** The predicate "this field holds the code", with {@code ?} standing for the code's parameter. */
    private static String usePredicate(FieldDescriptor field, String dictionary) {
        String column = field.custom() ? CustomFieldSql.expression(field) : quote(field.column());
        if (field.type() instanceof FieldType.Dictionary d && d.dictionary().equals(dictionary)) {
            return column + " = ?";
        }
        if (field.type() instanceof FieldType.MultiDictionary d && d.dictionary().equals(dictionary)) {
            return "? = ANY(" + column + ")";
        }
        return null;
    }
}
