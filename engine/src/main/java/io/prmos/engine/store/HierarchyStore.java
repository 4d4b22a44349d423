package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.quote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.validation.ValidationException;
import io.prmos.engine.validation.Violation;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Trees over an entity's hierarchy field, walked with recursive CTEs in the caller's tenant. The
 * walk follows the stored structure; the rows returned are filtered by the caller's read
 * predicate, so an unreadable node is left out without hiding what lies beyond it.
 */
public final class HierarchyStore {

    /** A walk never goes deeper than this, whatever the data says (a safety net against corrupt cycles). */
    public static final int MAX_DEPTH = 100;
    private static final int LOCK_CLASS = 7302;
    private static final String LOCK = "SELECT pg_advisory_xact_lock(" + LOCK_CLASS + ", hashtext($1))";

    private final TenantTransactions transactions;
    private final StatementCache statements;
    private final KernelTenantFilter tenantFilter;

    public HierarchyStore(TenantTransactions transactions, StatementCache statements, KernelTenantFilter tenantFilter) {
        this.transactions = transactions;
        this.statements = statements;
        this.tenantFilter = tenantFilter;
    }

    /** Direct children, by id. */
    public Uni<List<ObjectNode>> children(Caller caller, EntityDescriptor entity, UUID id, Access access, int limit) {
        return walk(caller, entity, id, access, false, 1, limit);
    }

    /** Parent, grandparent, … nearest first. */
    public Uni<List<ObjectNode>> ancestors(Caller caller, EntityDescriptor entity, UUID id, Access access) {
        return walk(caller, entity, id, access, true, MAX_DEPTH, MAX_DEPTH);
    }

    /** Every descendant down to {@code depth} levels, each with its {@code depth}, level by level. */
    public Uni<List<ObjectNode>> subtree(Caller caller, EntityDescriptor entity, UUID id, Access access, int depth, int limit) {
        return walk(caller, entity, id, access, false, depth, limit);
    }

    private Uni<List<ObjectNode>> walk(Caller caller, EntityDescriptor entity, UUID id, Access access, boolean up,
                                       int depth, int limit) {
        EntityStatements s = statements.of(entity);
        String parent = quote(entity.hierarchyField().orElseThrow().column());
        Params params = new Params();
        String tenant = qualified(tenantFilter.condition(params, caller));
        String step = up
                ? "SELECT t." + parent + ", w." + quote("depth") + " + 1 FROM " + s.table + " t JOIN " + quote("walk") + " w ON t."
                        + quote("id") + " = w." + quote("node")
                : "SELECT t." + quote("id") + ", w." + quote("depth") + " + 1 FROM " + s.table + " t JOIN " + quote("walk") + " w ON t."
                        + parent + " = w." + quote("node");
        String sql = "WITH RECURSIVE " + quote("walk") + "(" + quote("node") + ", " + quote("depth") + ") AS (SELECT "
                + params.add(id) + "::uuid, 0 UNION " + step + " WHERE " + tenant + " AND w." + quote("depth") + " < "
                + params.add(depth) + ") SELECT " + s.selectList + ", (SELECT min(w." + quote("depth") + ") FROM " + quote("walk")
                + " w WHERE w." + quote("node") + " = " + s.table + "." + quote("id") + ") AS " + quote("depth")
                + " FROM " + s.table + " WHERE " + tenantFilter.condition(params, caller) + " AND " + quote("id") + " IN (SELECT "
                + quote("node") + " FROM " + quote("walk") + " WHERE " + quote("depth") + " > 0) AND " + quote("deleted_at") + " IS NULL"
                + access.rows().map(r -> " AND " + WhereRenderer.render(r, params)).orElse("")
                + " ORDER BY " + quote("depth") + ", " + quote("id") + " LIMIT " + params.add(limit);
        return transactions.read(caller, c -> c.preparedQuery(sql).execute(params.tuple())).map(rows -> {
            List<ObjectNode> out = new ArrayList<>();
            for (Row row : rows) {
                ObjectNode node = RowMapper.toJson(s, row, access.projection());
                node.put("depth", row.getInteger(s.columns.size()));
                out.add(node);
            }
            return out;
        });
    }

    /** The tenant condition on the walked table's alias {@code t} (or TRUE when the test seam turned it off). */
    private String qualified(String condition) {
        return tenantFilter.enabled() ? "t." + condition : condition;
    }

    /**
     * Refuses a parent that would close a cycle: {@code parent} may not be the record itself or
     * one of its descendants. Runs in the write's transaction after a (tenant, entity) advisory
     * lock, so two concurrent re-parentings cannot each pass the check and together form a cycle.
     */
    Uni<Void> refuseCycle(SqlConnection c, Caller caller, EntityDescriptor entity, UUID id, Map<FieldDescriptor, Object> values,
                          String pointer) {
        var field = entity.hierarchyField();
        if (field.isEmpty() || !values.containsKey(field.get()) || !(values.get(field.get()) instanceof UUID parentId)) {
            return Uni.createFrom().voidItem();
        }
        EntityStatements s = statements.of(entity);
        String parent = quote(field.get().column());
        Params params = new Params();
        String tenant = qualified(tenantFilter.condition(params, caller));
        String sql = "WITH RECURSIVE " + quote("up") + "(" + quote("node") + ", " + quote("depth") + ") AS (SELECT "
                + params.add(parentId) + "::uuid, 0 UNION SELECT t." + parent + ", u." + quote("depth") + " + 1 FROM " + s.table
                + " t JOIN " + quote("up") + " u ON t." + quote("id") + " = u." + quote("node") + " WHERE " + tenant
                + " AND t." + parent + " IS NOT NULL AND u." + quote("depth") + " < " + MAX_DEPTH + ") SELECT 1 FROM "
                + quote("up") + " WHERE " + quote("node") + " = " + params.add(id);
        return c.preparedQuery(LOCK).execute(Tuple.of(caller.tenant() + "/" + entity.qualifiedName()))
                .flatMap(x -> c.preparedQuery(sql).execute(params.tuple()))
                .map(rows -> {
                    if (rows.size() > 0) {
                        throw new ValidationException(List.of(new Violation(pointer + "/" + field.get().name(), "cycle",
                                "a record cannot be its own ancestor: " + parentId + " is " + (parentId.equals(id) ? "the record itself"
                                        : "below " + id + " in the hierarchy"))));
                    }
                    return null;
                });
    }
}
