package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.quote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads many records of one entity by id in one statement ({@code id = ANY($n)}), under the
 * caller's tenant and read predicate: the building block of reference expansion, URN resolution
 * and link listing, which must never issue one query per row.
 */
public final class RecordLookup {

    private final TenantTransactions transactions;
    private final StatementCache statements;
    private final KernelTenantFilter tenantFilter;

    public RecordLookup(TenantTransactions transactions, StatementCache statements, KernelTenantFilter tenantFilter) {
        this.transactions = transactions;
        this.statements = statements;
        this.tenantFilter = tenantFilter;
    }

    /** The live records among {@code ids} the caller may read, by id; the others are simply absent. */
    public Uni<Map<UUID, ObjectNode>> byIds(Caller caller, EntityDescriptor entity, Collection<UUID> ids, Access access) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        EntityStatements s = statements.of(entity);
        Params params = new Params();
        String sql = "SELECT " + s.selectList + " FROM " + s.table + " WHERE " + tenantFilter.condition(params, caller)
                + " AND " + quote("id") + " = ANY(" + params.add(ids.toArray(new UUID[0])) + ")"
                + " AND " + quote("deleted_at") + " IS NULL"
                + access.rows().map(r -> " AND " + WhereRenderer.render(r, params)).orElse("");
        return transactions.read(caller, c -> c.preparedQuery(sql).execute(params.tuple())).map(rows -> {
            Map<UUID, ObjectNode> found = new LinkedHashMap<>();
            for (Row row : rows) {
                found.put(row.getUUID(0), RowMapper.toJson(s, row, access.projection()));
            }
            return found;
        });
    }
}
