package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.qualified;
import static io.prmos.engine.sql.SqlIdentifier.quote;

import io.prmos.engine.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Rows of {@code prm_kernel.record_link}, read and written by the data role under row-level
 * security. Whether the caller may see or change a link is decided by the API from both ends'
 * permissions; this class only stores.
 */
public final class LinkStore {

    private static final String TABLE = qualified("prm_kernel", "record_link");
    private static final String COLUMNS = String.join(", ", quote("id"), quote("type"), quote("from_urn"), quote("to_urn"),
            quote("created_by"), quote("created_at"));

    /** One stored link. */
    public record Link(UUID id, String type, String fromUrn, String toUrn, String createdBy, OffsetDateTime createdAt) {
    }

    private final TenantTransactions transactions;

    public LinkStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Stores a link; an identical existing link is returned instead of a second one. */
    public Uni<Link> create(Caller caller, String type, String fromUrn, String toUrn) {
        Params params = new Params();
        String sql = "INSERT INTO " + TABLE + " (" + quote("tenant_id") + ", " + quote("type") + ", " + quote("from_urn") + ", "
                + quote("to_urn") + ", " + quote("created_by") + ") VALUES (" + params.add(caller.tenant()) + ", " + params.add(type)
                + ", " + params.add(fromUrn) + ", " + params.add(toUrn) + ", " + params.add(caller.user()) + ")"
                + " ON CONFLICT (" + quote("tenant_id") + ", " + quote("type") + ", " + quote("from_urn") + ", " + quote("to_urn")
                + ") DO UPDATE SET " + quote("type") + " = EXCLUDED." + quote("type") + " RETURNING " + COLUMNS;
        return transactions.run(caller, c -> c.preparedQuery(sql).execute(params.tuple())).map(rows -> link(rows.iterator().next()));
    }

    public Uni<Optional<Link>> find(Caller caller, UUID id) {
        Params params = new Params();
        String sql = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + quote("tenant_id") + " = " + params.add(caller.tenant())
                + " AND " + quote("id") + " = " + params.add(id);
        return transactions.read(caller, c -> c.preparedQuery(sql).execute(params.tuple()))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(link(rows.iterator().next())));
    }

    /** Links that have the record at either end, optionally of one type, newest first. */
    public Uni<List<Link>> touching(Caller caller, String urn, Optional<String> type, int limit) {
        Params params = new Params();
        String tenant = params.add(caller.tenant());
        String record = params.add(urn);
        String sql = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + quote("tenant_id") + " = " + tenant
                + " AND (" + quote("from_urn") + " = " + record + " OR " + quote("to_urn") + " = " + record + ")"
                + type.map(t -> " AND " + quote("type") + " = " + params.add(t)).orElse("")
                + " ORDER BY " + quote("created_at") + " DESC, " + quote("id") + " LIMIT " + params.add(limit);
        return transactions.read(caller, c -> c.preparedQuery(sql).execute(params.tuple())).map(rows -> {
            List<Link> out = new ArrayList<>();
            rows.forEach(r -> out.add(link(r)));
            return out;
        });
    }

    public Uni<Boolean> delete(Caller caller, UUID id) {
        Params params = new Params();
        String sql = "DELETE FROM " + TABLE + " WHERE " + quote("tenant_id") + " = " + params.add(caller.tenant())
                + " AND " + quote("id") + " = " + params.add(id);
        return transactions.run(caller, c -> c.preparedQuery(sql).execute(params.tuple())).map(rows -> rows.rowCount() == 1);
    }

    private static Link link(Row row) {
        return new Link(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getOffsetDateTime(5));
    }
}
