package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.qualified;
import static io.prmos.engine.sql.SqlIdentifier.quote;

import io.prmos.engine.query.BoundFilter;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rows of the kernel's activity log ({@code prm_kernel.activity}): appended by record writes (on
 * their transaction), by the publisher (on its DDL transaction) and by anyone else through the
 * audit package's ActivityLog; read page by page, newest first, limited to what the caller may see.
 */
public final class ActivityEntries {

    private static final String TABLE = qualified("prm_kernel", "activity");
    private static final String INSERT = "INSERT INTO " + TABLE + " (" + String.join(", ", quote("tenant_id"), quote("actor"),
            quote("actor_name"), quote("action"), quote("module"), quote("entity"), quote("record_id"), quote("target"),
            quote("summary"), quote("request_id")) + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    private static final List<String> APPEND_COLUMNS = List.of(quote("tenant_id"), quote("actor"), quote("actor_name"),
            quote("action"), quote("module"), quote("entity"), quote("record_id"), quote("target"), quote("summary"), quote("request_id"));
    private static final List<String> APPEND_TYPES = List.of(Append.TEXT, Append.TEXT, Append.TEXT, Append.TEXT, Append.TEXT,
            Append.TEXT, Append.UUID, Append.TEXT, Append.TEXT, Append.TEXT);
    private static final String COLUMNS = String.join(", ", quote("id"), quote("occurred_at"), quote("actor"), quote("actor_name"),
            quote("action"), quote("module"), quote("entity"), quote("record_id"), quote("target"), quote("summary"), quote("request_id"));

    private final TenantTransactions transactions;
    private final KernelTenantFilter tenantFilter;

    public ActivityEntries(TenantTransactions transactions, KernelTenantFilter tenantFilter) {
        this.transactions = transactions;
        this.tenantFilter = tenantFilter;
    }

    /** What happened: {@code module}/{@code entity}/{@code recordId} are null for entries not about a record. */
    public record Entry(long id, String occurredAt, String actor, String actorName, String action, String module,
                        String entity, UUID recordId, String target, String summary, String requestId) {
    }

    /** Query parameters; every one is optional. {@code before} is the id of the last entry of the previous page. */
    public record Query(Optional<String> actor, Optional<String> action, Optional<String> module, Optional<String> entity,
                        Optional<OffsetDateTime> after, Optional<Long> before, int limit) {
    }

    /** An entity whose entries a non-admin caller may see, and the rows of it they may read (empty = all). */
    public record Readable(EntityDescriptor entity, Optional<BoundFilter> rows) {
    }

    /** An entry about to be appended; {@code module}/{@code entity}/{@code recordId} are null for entries not about a record. */
    public record NewEntry(String tenant, Caller actor, String action, String module, String entity, UUID recordId,
                           String target, String summary) {
    }

    /** The rows of {@code entries}, for a writer to append together with other observers' rows. */
    public static Append rows(List<NewEntry> entries) {
        List<String[]> rows = new ArrayList<>(entries.size());
        for (NewEntry e : entries) {
            rows.add(new String[] {e.tenant(), e.actor().user(), e.actor().userName(), e.action(), e.module(), e.entity(),
                Append.text(e.recordId()), e.target(), bounded(e.summary()), e.actor().requestId()});
        }
        return new Append(TABLE, APPEND_COLUMNS, APPEND_TYPES, rows);
    }

    private static String bounded(String summary) {
        return summary.length() > 1000 ? summary.substring(0, 1000) : summary;
    }

    /** Appends an entry through any client: a write transaction's connection, or the owner's. */
    public static Uni<Void> append(SqlClient client, String tenant, Caller actor, String action, String module, String entity,
                                   UUID recordId, String target, String summary) {
        Tuple values = Tuple.from(Arrays.asList(tenant, actor.user(), actor.userName(), action, module, entity, recordId,
                target, bounded(summary), actor.requestId()));
        return client.preparedQuery(INSERT).execute(values).replaceWithVoid();
    }

    /**
     * A page newest first. With {@code everything} (admins) every entry of the tenant and the platform's
     * entries (tenant_id null: module publishing, which changes every tenant); otherwise only entries
     * about records of the readable entities that the caller may read now.
     */
    public Uni<List<Entry>> page(Caller caller, Query query, boolean everything, List<Readable> readable) {
        Params params = new Params();
        StringBuilder filters = new StringBuilder();
        query.actor().ifPresent(v -> filters.append(" AND ").append(quote("actor")).append(" = ").append(params.add(v)));
        query.action().ifPresent(v -> filters.append(" AND ").append(quote("action")).append(" = ").append(params.add(v)));
        query.module().ifPresent(v -> filters.append(" AND ").append(quote("module")).append(" = ").append(params.add(v)));
        query.entity().ifPresent(v -> filters.append(" AND ").append(quote("entity")).append(" = ").append(params.add(v)));
        query.after().ifPresent(v -> filters.append(" AND ").append(quote("occurred_at")).append(" > ").append(params.add(v)));
        query.before().ifPresent(v -> filters.append(" AND ").append(quote("id")).append(" < ").append(params.add(v)));
        String tenant = tenantFilter.condition(params, caller) + " AND " + quote("tenant_id") + " IS NOT NULL";
        String limit = params.add(query.limit());
        String sql;
        if (everything) {
            // two index range scans (tenant_id, id DESC) merged, rather than one OR that would sort the whole tenant
            sql = "SELECT * FROM ((" + newest(tenant + filters, limit) + ") UNION ALL ("
                    + newest(quote("tenant_id") + " IS NULL" + filters, limit) + ")) AS entries ORDER BY "
                    + quote("id") + " DESC LIMIT " + limit;
        } else {
            sql = newest(tenant + filters + " AND " + visibility(caller, readable, params), limit);
        }
        return transactions.read(caller, c -> c.preparedQuery(sql).execute(params.tuple())).map(rows -> {
            List<Entry> out = new ArrayList<>();
            rows.forEach(row -> out.add(entry(row)));
            return out;
        });
    }

    private static String newest(String where, String limit) {
        return "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + where + " ORDER BY " + quote("id") + " DESC LIMIT " + limit;
    }

    /** (entity A and its record is readable) or (entity B ...) — FALSE when nothing is readable. */
    private String visibility(Caller caller, List<Readable> readable, Params params) {
        List<String> alternatives = new ArrayList<>();
        for (Readable r : readable) {
            EntityDescriptor e = r.entity();
            String clause = quote("module") + " = " + params.add(e.module()) + " AND " + quote("entity") + " = " + params.add(e.path());
            if (r.rows().isPresent()) {
                clause += " AND " + quote("record_id") + " IN (SELECT " + quote("id") + " FROM " + qualified(e.schema(), e.table())
                        + " WHERE " + tenantFilter.condition(params, caller) + " AND " + WhereRenderer.render(r.rows().get(), params) + ")";
            }
            alternatives.add("(" + clause + ")");
        }
        return alternatives.isEmpty() ? "FALSE" : "(" + String.join(" OR ", alternatives) + ")";
    }

    private static Entry entry(Row row) {
        return new Entry(row.getLong(0), row.getOffsetDateTime(1).toString(), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getUUID(7), row.getString(8), row.getString(9), row.getString(10));
    }
}
