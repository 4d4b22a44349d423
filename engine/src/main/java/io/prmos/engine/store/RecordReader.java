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

    public RecordReader(TenantTransactions transactions, StatementCache statements) {
        this.transactions = transactions;
        this.statements = statements;
    }

    public Uni<Optional<ObjectNode>> get(Caller caller, EntityDescriptor entity, UUID id) {
        EntityStatements s = statements.of(entity);
        return transactions.run(caller, c -> c.preparedQuery(s.selectById).execute(Tuple.of(caller.tenant(), id)))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(RowMapper.toJson(s, rows.iterator().next(), null)) : Optional.empty());
    }

    public Uni<Page> list(Caller caller, EntityDescriptor entity, ListQuery query) {
        EntityStatements s = statements.of(entity);
        return transactions.run(caller, c -> page(c, caller, s, query)
                .flatMap(page -> total(c, caller, s, query).map(total -> new Page(page.items(), page.nextCursor(), total))));
    }

    private Uni<Page> page(SqlConnection c, Caller caller, EntityStatements s, ListQuery query) {
        Params params = new Params();
        StringBuilder sql = new StringBuilder("SELECT ").append(s.selectList).append(" FROM ").append(s.table);
        sql.append(where(caller, query, params));
        query.after().ifPresent(after -> sql.append(" AND ").append(WhereRenderer.after(query.sort(), after, params)));
        sql.append(" ORDER BY ");
        List<String> order = new ArrayList<>();
        for (SortColumn key : query.sort()) {
            order.add(quote(key.column()) + (key.descending() ? " DESC" : ""));
        }
        sql.append(String.join(", ", order)).append(" LIMIT ").append(params.add(query.limit() + 1));
        return c.preparedQuery(sql.toString()).execute(params.tuple()).map(rows -> toPage(s, query, rows));
    }

    private static String where(Caller caller, ListQuery query, Params params) {
        StringBuilder sql = new StringBuilder(" WHERE ").append(quote("tenant_id")).append(" = ").append(params.add(caller.tenant()))
                .append(" AND ").append(quote("deleted_at")).append(" IS NULL");
        query.filter().ifPresent(f -> sql.append(" AND ").append(WhereRenderer.render(f, params)));
        return sql.toString();
    }

    private Page toPage(EntityStatements s, ListQuery query, RowSet<Row> rows) {
        List<ObjectNode> items = new ArrayList<>();
        Row last = null;
        for (Row row : rows) {
            if (items.size() == query.limit()) {
                return new Page(items, Optional.of(cursor(s, query, last)), Optional.empty());
            }
            items.add(RowMapper.toJson(s, row, query.fields().orElse(null)));
            last = row;
        }
        return new Page(items, Optional.empty(), Optional.empty());
    }

    private static String cursor(EntityStatements s, ListQuery query, Row last) {
        List<Object> values = new ArrayList<>();
        for (SortColumn key : query.sort()) {
            values.add(last.getValue(s.indexOf(key.column())));
        }
        return io.prmos.engine.query.CursorCodec.encode(query.sortSignature(), values);
    }

    private Uni<Optional<Long>> total(SqlConnection c, Caller caller, EntityStatements s, ListQuery query) {
        if (query.total() == ListQuery.Total.NONE) {
            return Uni.createFrom().item(Optional.empty());
        }
        Params params = new Params();
        String where = where(caller, query, params);
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
