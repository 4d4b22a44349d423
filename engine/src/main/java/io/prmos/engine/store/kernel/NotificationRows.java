package io.prmos.engine.store.kernel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.UUID;

/** {@code prm_kernel.notification}: sent to one user of a tenant, read only by that user. */
public final class NotificationRows {

    private static final String COLUMNS = "id, recipient, title, body, link, sender, sender_name, created_at, read_at";
    private static final String INSERT = "INSERT INTO prm_kernel.notification (id, tenant_id, recipient, title, body, link, sender, sender_name)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING " + COLUMNS;
    private static final String LIST = "SELECT " + COLUMNS + " FROM prm_kernel.notification WHERE tenant_id = $1 AND recipient = $2"
            + " AND ($3 = false OR read_at IS NULL) ORDER BY created_at DESC, id LIMIT $4";
    private static final String UNREAD = "SELECT count(*) FROM prm_kernel.notification WHERE tenant_id = $1 AND recipient = $2 AND read_at IS NULL";
    private static final String MARK = "UPDATE prm_kernel.notification SET read_at = now() WHERE tenant_id = $1 AND recipient = $2"
            + " AND id = $3 AND read_at IS NULL RETURNING id";
    private static final String MARK_ALL = "UPDATE prm_kernel.notification SET read_at = now() WHERE tenant_id = $1 AND recipient = $2"
            + " AND read_at IS NULL";
    private static final String EXISTS = "SELECT 1 FROM prm_kernel.notification WHERE tenant_id = $1 AND recipient = $2 AND id = $3";

    private final TenantTransactions transactions;

    public NotificationRows(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Uni<ObjectNode> insert(Caller sender, String recipient, String title, String body, String link) {
        Tuple values = Tuple.tuple().addUUID(UUID.randomUUID()).addString(sender.tenant()).addString(recipient).addString(title)
                .addString(body).addString(link).addString(sender.user()).addString(sender.userName());
        return transactions.run(sender, c -> c.preparedQuery(INSERT).execute(values).map(rows -> Rows.json(rows.iterator().next())));
    }

    public Uni<ArrayNode> list(Caller caller, boolean unreadOnly, int limit) {
        return transactions.run(caller, c -> c.preparedQuery(LIST)
                .execute(Tuple.of(caller.tenant(), caller.user(), unreadOnly, limit)).map(Rows::all));
    }

    public Uni<Long> unread(Caller caller) {
        return transactions.run(caller, c -> c.preparedQuery(UNREAD).execute(Tuple.of(caller.tenant(), caller.user()))
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    /** Marks one of the caller's notifications read; false when the caller has no such notification. */
    public Uni<Boolean> markRead(Caller caller, UUID id) {
        return transactions.run(caller, c -> c.preparedQuery(MARK).execute(Tuple.of(caller.tenant(), caller.user(), id))
                .flatMap(marked -> marked.size() > 0 ? Uni.createFrom().item(true)
                        : c.preparedQuery(EXISTS).execute(Tuple.of(caller.tenant(), caller.user(), id)).map(rows -> rows.size() > 0)));
    }

    public Uni<Integer> markAllRead(Caller caller) {
        return transactions.run(caller, c -> c.preparedQuery(MARK_ALL).execute(Tuple.of(caller.tenant(), caller.user()))
                .map(rows -> rows.rowCount()));
    }
}
