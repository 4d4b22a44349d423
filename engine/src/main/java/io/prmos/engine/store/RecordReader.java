package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.quote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.ListQuery;
import io.prmos.engine.query.SortColumn;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads records: one by id, or a page of a list query with keyset pagination. */
public final class RecordReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TenantTransactions transactions;
    private final StatementCache statements;
    private final KernelTenantFilter tenantFilter;

    public RecordReader(TenantTransactions transactions, StatementCache statements, KernelTenantFilter tenantFilter) {
        this.transactions = transactions;
        this.statements = statements;
        this.tenantFilter = tenantFilter;
    }

    public Uni<Optional<ObjectNode>> get(Caller caller, EntityDescriptor entity, UUID id, Access access) {
        EntityStatements s = statements.of(entity);
        String sql;
        Tuple params;
        if (access.rows().isEmpty()) {
            // the common case, compiled once per entity: no row filter to render
            sql = tenantFilter.enabled() ? s.selectById : s.selectByIdAnyTenant;
            params = tenantFilter.enabled() ? Tuple.of(caller.tenant(), id) : Tuple.of(id);
        } else {
            Params bound = new Params();
            sql = "SELECT " + s.selectList + " FROM " + s.table + " WHERE " + tenantFilter.condition(bound, caller)
                    + " AND " + quote("id") + " = " + bound.add(id) + " AND " + quote("deleted_at") + " IS NULL"
                    + " AND " + WhereRenderer.render(access.rows().get(), bound);
            params = bound.tuple();
        }
        return transactions.query(caller, sql, params).map(rows -> {
            RowIterator<Row> found = rows.iterator();
            return found.hasNext() ? Optional.of(RowMapper.toJson(s, found.next(), access.projection())) : Optional.empty();
        });
    }

    public Uni<Page> list(Caller caller, EntityDescriptor entity, ListQuery query, Access access) {
        EntityStatements s = statements.of(entity);
        if (query.total() == ListQuery.Total.NONE) {
            Params params = new Params();
            String sql = page(caller, s, query, access, params);
            return transactions.query(caller, sql, params.tuple()).map(rows -> toPage(s, query, access, rows));
        }
        return transactions.run(caller, c -> page(c, caller, s, query, access)
                .flatMap(page -> total(c, caller, s, query, access).map(total -> new Page(page.items(), page.nextCursor(), total))));
    }

    private Uni<Page> page(SqlConnection c, Caller caller, EntityStatements s, ListQuery query, Access access) {
        Params params = new Params();
        String sql = page(caller, s, query, access, params);
        return c.preparedQuery(sql).execute(params.tuple()).map(rows -> toPage(s, query, access, rows));
    }

    /** The statement of one page: the filters, the position after the previous page, the order, limit + 1. */
    private String page(Caller caller, EntityStatements s, ListQuery query, Access access, Params params) {
        StringBuilder sql = new StringBuilder(256).append("SELECT ").append(s.selectList).append(" FROM ").append(s.table);
        sql.append(where(caller, s, query, access, params));
        query.after().ifPresent(after -> sql.append(" AND ").append(WhereRenderer.after(query.sort(), after, params, s)));
        sql.append(" ORDER BY ");
        List<SortColumn> sort = query.sort();
        for (int i = 0; i < sort.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(s.sql(sort.get(i).column())).append(sort.get(i).descending() ? " DESC" : "");
        }
        return sql.append(" LIMIT ").append(params.add(query.limit() + 1)).toString();
    }

    private String where(Caller caller, EntityStatements s, ListQuery query, Access access, Params params) {
        StringBuilder sql = new StringBuilder(" WHERE ").append(tenantFilter.condition(params, caller));
        if (query.deleted() != ListQuery.Deleted.INCLUDE) {
            sql.append(" AND ").append(quote("deleted_at")).append(query.deleted() == ListQuery.Deleted.ONLY ? " IS NOT NULL" : " IS NULL");
        }
        access.rows().ifPresent(r -> sql.append(" AND ").append(WhereRenderer.render(r, params)));
        query.filter().ifPresent(f -> sql.append(" AND ").append(WhereRenderer.render(f, params, s)));
        return sql.toString();
    }

    private Page toPage(EntityStatements s, ListQuery query, Access access, RowSet<Row> rows) {
        List<ObjectNode> items = new ArrayList<>();
        Row last = null;
        for (Row row : rows) {
            if (items.size() == query.limit()) {
                return new Page(items, Optional.of(cursor(s, query, last)), Optional.empty());
            }
            items.add(RowMapper.toJson(s, row, query.fields().map(RecordReader::withKeys).orElse(access.projection())));
            last = row;
        }
        return new Page(items, Optional.empty(), Optional.empty());
    }

    private static String cursor(EntityStatements s, ListQuery query, Row last) {
        List<Object> values = new ArrayList<>();
        for (SortColumn key : query.sort()) {
            var custom = s.custom.get(key.column());
            values.add(custom != null ? CustomValues.cursorValue(custom, last.getValue(s.customIndex))
                    : last.getValue(s.indexOf(key.column())));
        }
        return io.prmos.engine.query.CursorCodec.encode(query.sortSignature(), values);
    }

    private static java.util.Set<String> withKeys(java.util.Set<String> requested) {
        java.util.Set<String> fields = new java.util.HashSet<>(requested);
        fields.add("id");
        fields.add("version");
        return fields;
    }

    private Uni<Optional<Long>> total(SqlConnection c, Caller caller, EntityStatements s, ListQuery query, Access access) {
        if (query.total() == ListQuery.Total.NONE) {
            return Uni.createFrom().item(Optional.empty());
        }
        Params params = new Params();
        String where = where(caller, s, query, access, params);
        if (query.total() == ListQuery.Total.EXACT) {
            return c.preparedQuery("SELECT count(*) FROM " + s.table + where).execute(params.tuple())
                    .map(rows -> Optional.of(rows.iterator().next().getLong(0)));
        }
        return c.preparedQuery("EXPLAIN (FORMAT JSON) SELECT 1 FROM " + s.table + where).execute(params.tuple())
                .map(rows -> Optional.of(estimate(rows.iterator().next().getValue(0))));
    }

    private static long estimate(Object plan) {
        try {
            JsonNode root = JSON.readTree(plan.toString());
            return root.path(0).path("Plan").path("Plan Rows").asLong(0);
        } catch (Exception e) {
            return 0;
        }
    }
}
