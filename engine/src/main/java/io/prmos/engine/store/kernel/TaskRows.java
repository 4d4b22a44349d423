package io.prmos.engine.store.kernel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** {@code prm_kernel.task}: visible to its assignee and its creator (and to tenant admins). */
public final class TaskRows {

    private static final String COLUMNS = "id, title, description, assignee, record_urn, status, due_on, created_by, created_by_name,"
            + " created_at, updated_at";
    private static final String INSERT = "INSERT INTO prm_kernel.task (id, tenant_id, title, description, assignee, record_urn, due_on,"
            + " created_by, created_by_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING " + COLUMNS;
    private static final String LIST = "SELECT " + COLUMNS + " FROM prm_kernel.task WHERE tenant_id = $1"
            + " AND ($2 OR assignee = $3 OR created_by = $3)"
            + " AND ($4::text IS NULL OR assignee = $4) AND ($5::text IS NULL OR status = $5) AND ($6::text IS NULL OR record_urn = $6)"
            + " ORDER BY (status = 'open') DESC, due_on NULLS LAST, created_at DESC LIMIT $7";
    private static final String SET_STATUS = "UPDATE prm_kernel.task SET status = $4, updated_at = now() WHERE tenant_id = $1 AND id = $2"
            + " AND ($5 OR assignee = $3 OR created_by = $3) RETURNING " + COLUMNS;

    /** Which tasks a list shows; empty values do not filter. */
    public record Query(Optional<String> assignee, Optional<String> status, Optional<String> record, int limit) {
    }

    private final TenantTransactions transactions;

    public TaskRows(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Uni<ObjectNode> insert(Caller creator, String title, String description, String assignee, String recordUrn, LocalDate dueOn) {
        Tuple values = Tuple.tuple().addUUID(UUID.randomUUID()).addString(creator.tenant()).addString(title).addString(description)
                .addString(assignee).addString(recordUrn).addLocalDate(dueOn).addString(creator.user()).addString(creator.userName());
        return transactions.run(creator, c -> c.preparedQuery(INSERT).execute(values).map(rows -> Rows.json(rows.iterator().next())));
    }

    public Uni<ArrayNode> list(Caller caller, Query query) {
        Tuple values = Tuple.tuple().addString(caller.tenant()).addBoolean(caller.isAdmin()).addString(caller.user())
                .addString(query.assignee().orElse(null)).addString(query.status().orElse(null)).addString(query.record().orElse(null))
                .addInteger(query.limit());
        return transactions.run(caller, c -> c.preparedQuery(LIST).execute(values).map(Rows::all));
    }

    /** The task with its new status; empty when the caller may not see it. */
    public Uni<Optional<ObjectNode>> setStatus(Caller caller, UUID id, String status) {
        Tuple values = Tuple.tuple().addString(caller.tenant()).addUUID(id).addString(caller.user()).addString(status)
                .addBoolean(caller.isAdmin());
        return transactions.run(caller, c -> c.preparedQuery(SET_STATUS).execute(values)
                .map(rows -> rows.size() == 0 ? Optional.<ObjectNode>empty() : Optional.of(Rows.json(rows.iterator().next()))));
    }
}
