package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.quote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.ListQuery;
import io.prmos.engine.query.SortColumn;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Records read and written on a connection that is already inside a write transaction, as the
 * system: no permission predicate, every field visible. This is what trusted extension code (hooks,
 * workflow actions, custom actions) uses; writes still pass the before-write stages and observers
 * of the target entity, so its rules, hooks and events apply.
 */
public final class TransactionRecords {

    private final StatementCache statements;
    private final RecordWriter writer;
    private final KernelTenantFilter tenantFilter;

    public TransactionRecords(StatementCache statements, RecordWriter writer, KernelTenantFilter tenantFilter) {
        this.statements = statements;
        this.writer = writer;
        this.tenantFilter = tenantFilter;
    }

    /** What the system may do: every row of the tenant, every field. */
    public static Access system(EntityDescriptor entity) {
        Set<String> fields = new java.util.HashSet<>(io.prmos.engine.query.SystemFields.ORDER);
        entity.fields().forEach(f -> fields.add(f.name()));
        return new Access(Optional.empty(), Optional.empty(), fields);
    }

    public Uni<Optional<ObjectNode>> get(SqlConnection c, Caller caller, EntityDescriptor entity, UUID id) {
        EntityStatements s = statements.of(entity);
        Params params = new Params();
        String sql = "SELECT " + s.selectList + " FROM " + s.table + " WHERE " + tenantFilter.condition(params, caller)
                + " AND " + quote("id") + " = " + params.add(id) + " AND " + quote("deleted_at") + " IS NULL";
        return c.preparedQuery(sql).execute(params.tuple()).map(rows -> rows.iterator().hasNext()
                ? Optional.of(RowMapper.toJson(s, rows.iterator().next(), null)) : Optional.empty());
    }

    /** The live record, locked until the transaction ends (the first step of a read-check-write). */
    public Uni<Optional<ObjectNode>> lock(SqlConnection c, Caller caller, EntityDescriptor entity, UUID id) {
        EntityStatements s = statements.of(entity);
        Params params = new Params();
        String sql = "SELECT " + s.selectList + " FROM " + s.table + " WHERE " + tenantFilter.condition(params, caller)
                + " AND " + quote("id") + " = " + params.add(id) + " AND " + quote("deleted_at") + " IS NULL FOR UPDATE";
        return c.preparedQuery(sql).execute(params.tuple()).map(rows -> rows.iterator().hasNext()
                ? Optional.of(RowMapper.toJson(s, rows.iterator().next(), null)) : Optional.empty());
    }

    /** Whether the live record is among the rows a permission predicate allows (a transition's update scope). */
    public Uni<Boolean> matches(SqlConnection c, Caller caller, EntityDescriptor entity, UUID id, io.prmos.engine.query.BoundFilter rows) {
        EntityStatements s = statements.of(entity);
        Params params = new Params();
        String sql = "SELECT 1 FROM " + s.table + " WHERE " + tenantFilter.condition(params, caller) + " AND " + quote("id") + " = "
                + params.add(id) + " AND " + quote("deleted_at") + " IS NULL AND " + WhereRenderer.render(rows, params);
        return c.preparedQuery(sql).execute(params.tuple()).map(found -> found.size() > 0);
    }

    /** Live records matching the query's filter, in its order, at most its limit. */
    public Uni<List<ObjectNode>> find(SqlConnection c, Caller caller, EntityDescriptor entity, ListQuery query) {
        EntityStatements s = statements.of(entity);
        Params params = new Params();
        StringBuilder sql = new StringBuilder("SELECT ").append(s.selectList).append(" FROM ").append(s.table)
                .append(" WHERE ").append(tenantFilter.condition(params, caller))
                .append(" AND ").append(quote("deleted_at")).append(" IS NULL");
        query.filter().ifPresent(f -> sql.append(" AND ").append(WhereRenderer.render(f, params)));
        List<String> order = new ArrayList<>();
        for (SortColumn key : query.sort()) {
            order.add(quote(key.column()) + (key.descending() ? " DESC" : ""));
        }
        sql.append(" ORDER BY ").append(String.join(", ", order)).append(" LIMIT ").append(params.add(query.limit()));
        return c.preparedQuery(sql.toString()).execute(params.tuple()).map(rows -> {
            List<ObjectNode> out = new ArrayList<>();
            for (Row row : rows) {
                out.add(RowMapper.toJson(s, row, null));
            }
            return out;
        });
    }

    public Uni<ObjectNode> create(SqlConnection c, Caller caller, Catalog catalog, EntityDescriptor entity,
                                  Map<FieldDescriptor, Object> values) {
        return writer.insert(c, caller, catalog, entity, values, "", system(entity));
    }

    public Uni<ObjectNode> update(SqlConnection c, Caller caller, Catalog catalog, EntityDescriptor entity, UUID id,
                                  Map<FieldDescriptor, Object> values) {
        return writer.update(c, caller, catalog, entity, id, values, OptionalLong.empty(), "", system(entity));
    }
}
