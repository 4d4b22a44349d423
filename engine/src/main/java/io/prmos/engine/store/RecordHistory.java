package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.qualified;
import static io.prmos.engine.sql.SqlIdentifier.quote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.BoundFilter;
import io.prmos.engine.schema.HistoryTable;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rows of a module's {@code _history} table: appended inside a record's write transaction, read
 * newest first for one record, after checking that the caller may read that record (live or in the
 * recycle bin).
 */
public final class RecordHistory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = String.join(", ", List.of(quote("id"), quote("version"), quote("operation"),
            quote("changed_by"), quote("changed_by_name"), quote("changed_at"), quote("request_id"), quote("changes")));

    private static final List<String> APPEND_COLUMNS = List.of(quote("tenant_id"), quote("entity"), quote("record_id"),
            quote("version"), quote("operation"), quote("changed_by"), quote("changed_by_name"), quote("request_id"), quote("changes"));
    private static final List<String> APPEND_TYPES = List.of(Append.TEXT, Append.TEXT, Append.UUID, Append.BIGINT, Append.TEXT,
            Append.TEXT, Append.TEXT, Append.TEXT, Append.JSONB);

    private final TenantTransactions transactions;
    private final KernelTenantFilter tenantFilter;

    public RecordHistory(TenantTransactions transactions, KernelTenantFilter tenantFilter) {
        this.transactions = transactions;
        this.tenantFilter = tenantFilter;
    }

    /** One entry of a record's history; {@code changes} is {@code {field: {old, new}}} with every changed field. */
    public record Entry(long id, long version, String operation, String changedBy, String changedByName, String changedAt,
                        String requestId, ObjectNode changes) {
    }

    /**
     * The history rows of {@code changes} (records of one entity): who, when (the column's default),
     * the request id, the operation, the version and the changed fields, {@code {field: {old, new}}}
     * ({@link RecordChange#changesJson()}).
     */
    public Append rows(List<RecordChange> changes) {
        EntityDescriptor entity = changes.get(0).entity();
        List<String[]> rows = new ArrayList<>(changes.size());
        for (RecordChange change : changes) {
            Caller caller = change.caller();
            rows.add(new String[] {caller.tenant(), entity.path(), change.id().toString(), Long.toString(change.version()),
                change.operation().name().toLowerCase(java.util.Locale.ROOT), caller.user(), caller.userName(),
                caller.requestId(), change.changesJson()});
        }
        return new Append(qualified(entity.schema(), HistoryTable.NAME), APPEND_COLUMNS, APPEND_TYPES, rows);
    }

    /**
     * A page of a record's history, newest first, entries with an id below {@code beforeId} (when
     * given); empty when the record does not exist for the caller (missing, another tenant's, or
     * outside their readable rows).
     */
    public Uni<Optional<List<Entry>>> page(Caller caller, EntityDescriptor entity, UUID id, Optional<BoundFilter> readable,
                                           int limit, Optional<Long> beforeId) {
        Params check = new Params();
        String exists = "SELECT 1 FROM " + qualified(entity.schema(), entity.table()) + " WHERE "
                + tenantFilter.condition(check, caller) + " AND " + quote("id") + " = " + check.add(id)
                + readable.map(r -> " AND " + WhereRenderer.render(r, check)).orElse("");
        Params params = new Params();
        String entries = "SELECT " + COLUMNS + " FROM " + qualified(entity.schema(), HistoryTable.NAME) + " WHERE "
                + tenantFilter.condition(params, caller) + " AND " + quote("entity") + " = " + params.add(entity.path())
                + " AND " + quote("record_id") + " = " + params.add(id)
                + beforeId.map(b -> " AND " + quote("id") + " < " + params.add(b)).orElse("")
                + " ORDER BY " + quote("id") + " DESC LIMIT " + params.add(limit);
        return transactions.run(caller, c -> c.preparedQuery(exists).execute(check.tuple()).flatMap(found -> found.size() == 0
                ? Uni.createFrom().item(Optional.<List<Entry>>empty())
                : c.preparedQuery(entries).execute(params.tuple()).map(rows -> {
                    List<Entry> out = new ArrayList<>();
                    rows.forEach(row -> out.add(entry(row)));
                    return Optional.of(out);
                })));
    }

    /** Removes a purged record's history, inside the purge's transaction. */
    Uni<Void> forget(SqlConnection c, Caller caller, EntityDescriptor entity, UUID id) {
        Params params = new Params();
        String sql = "DELETE FROM " + qualified(entity.schema(), HistoryTable.NAME) + " WHERE " + tenantFilter.condition(params, caller)
                + " AND " + quote("entity") + " = " + params.add(entity.path()) + " AND " + quote("record_id") + " = " + params.add(id);
        return c.preparedQuery(sql).execute(params.tuple()).replaceWithVoid();
    }

    private static Entry entry(Row row) {
        return new Entry(row.getLong(0), row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                row.getOffsetDateTime(5).toString(), row.getString(6),
                json(row.getValue(7)));
    }

    private static ObjectNode json(Object value) {
        try {
            return (ObjectNode) JSON.readTree(value instanceof JsonObject o ? o.encode() : String.valueOf(value));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
