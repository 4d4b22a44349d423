package io.prmos.engine.jobs;

import io.prmos.engine.security.Caller;
import io.prmos.engine.store.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The job queue's operations, each in the caller's tenant under row-level security. Java callers
 * (hooks, automations, agents) enqueue with {@link #enqueue(SqlConnection, Caller, JobRequest)} inside
 * their own transaction, so the job exists exactly when their write commits; the HTTP API uses the
 * other methods. Outcomes other than a job are {@link JobOutcome}s the resource maps to problems.
 */
@ApplicationScoped
public class JobQueue {

    /** Enqueue answers the job and whether this call created it (false: the idempotency key's earlier job). */
    public record Enqueued(Job job, boolean created) {
    }

    @Inject
    TenantTransactions tenants;

    @ConfigProperty(name = "prm.jobs.backoff.initial", defaultValue = "PT5S")
    Duration backoffInitial;

    @ConfigProperty(name = "prm.jobs.backoff.max", defaultValue = "PT1H")
    Duration backoffMax;

    /** Enqueues in a transaction of its own. */
    public Uni<Enqueued> enqueue(Caller caller, JobRequest request) {
        return tenants.run(caller, c -> enqueue(c, caller, request));
    }

    /**
     * Enqueues on {@code connection}, a data-role connection inside a transaction with the caller's tenant
     * set (a record write's). The job and its wake-up notification commit or roll back with that transaction.
     */
    public Uni<Enqueued> enqueue(SqlConnection connection, Caller caller, JobRequest request) {
        Tuple values = Tuple.tuple().addUUID(UUID.randomUUID()).addString(caller.tenant()).addString(request.type())
                .addString(request.payload().toString()).addString(request.idempotencyKey()).addInteger(request.maxAttempts())
                .addDouble(request.delay().toMillis() / 1000.0).addString(caller.user());
        return connection.preparedQuery(JobStatements.INSERT).execute(values).flatMap(rows -> {
            if (rows.size() == 1) {
                Job job = Job.of(rows.iterator().next());
                return connection.query(JobStatements.NOTIFY).execute().replaceWith(new Enqueued(job, true));
            }
            return connection.preparedQuery(JobStatements.BY_KEY).execute(Tuple.of(caller.tenant(), request.idempotencyKey()))
                    .map(existing -> new Enqueued(Job.of(existing.iterator().next()), false));
        });
    }

    public Uni<Optional<Job>> get(Caller caller, UUID id) {
        return tenants.read(caller, c -> c.preparedQuery(JobStatements.BY_ID).execute(Tuple.of(caller.tenant(), id)))
                .map(JobQueue::first);
    }

    public Uni<List<Job>> list(Caller caller, String status, String type, int limit) {
        return list(caller, status, type, limit, null);
    }

    /** A page newest first, after {@code cursor}, the last job of the previous page (null: the first page). */
    public Uni<List<Job>> list(Caller caller, String status, String type, int limit, JobCursor cursor) {
        Tuple values = Tuple.tuple().addString(caller.tenant()).addString(status).addString(type).addInteger(limit)
                .addOffsetDateTime(cursor == null ? null : cursor.createdAt()).addUUID(cursor == null ? null : cursor.id());
        return tenants.read(caller, c -> c.preparedQuery(JobStatements.LIST).execute(values))
                .map(rows -> {
                    List<Job> out = new ArrayList<>();
                    rows.forEach(r -> out.add(Job.of(r)));
                    return out;
                });
    }

    /** One attempt to lease the oldest due job of these types; empty when none is due. */
    public Uni<Optional<Job>> leaseOnce(Caller caller, List<String> types, Duration lease) {
        String[] typeArray = types.toArray(String[]::new);
        return tenants.run(caller, c -> c.preparedQuery(JobStatements.EXPIRE_LAST_ATTEMPTS).execute(Tuple.of(caller.tenant(), typeArray))
                .flatMap(x -> c.preparedQuery(JobStatements.LEASE).execute(Tuple.tuple().addString(caller.tenant())
                        .addArrayOfString(typeArray).addUUID(UUID.randomUUID()).addDouble(lease.toMillis() / 1000.0)
                        .addString(caller.user()))))
                .map(JobQueue::first);
    }

    public Uni<Optional<Job>> heartbeat(Caller caller, UUID id, UUID token, Duration lease) {
        return leaseHolder(caller, JobStatements.HEARTBEAT, Tuple.tuple().addString(caller.tenant()).addUUID(id).addUUID(token)
                .addDouble(lease.toMillis() / 1000.0));
    }

    public Uni<Optional<Job>> complete(Caller caller, UUID id, UUID token, String resultJson) {
        return leaseHolder(caller, JobStatements.COMPLETE, Tuple.tuple().addString(caller.tenant()).addUUID(id).addUUID(token)
                .addString(resultJson));
    }

    public Uni<Optional<Job>> fail(Caller caller, UUID id, UUID token, boolean retry, String error) {
        return leaseHolder(caller, JobStatements.FAIL, Tuple.tuple().addString(caller.tenant()).addUUID(id).addUUID(token)
                .addBoolean(retry).addDouble(backoffInitial.toMillis() / 1000.0).addDouble(backoffMax.toMillis() / 1000.0)
                .addString(error));
    }

    /** A dead job queued again with its attempts reset; empty if it is not dead. */
    public Uni<Optional<Job>> retry(Caller caller, UUID id) {
        return tenants.run(caller, c -> c.preparedQuery(JobStatements.RETRY).execute(Tuple.of(caller.tenant(), id))
                .flatMap(rows -> rows.size() == 0 ? Uni.createFrom().item(rows)
                        : c.query(JobStatements.NOTIFY).execute().replaceWith(rows)))
                .map(JobQueue::first);
    }

    /** A queued job moved to the dead letter (cancelled by the caller); empty if it is not queued. */
    public Uni<Optional<Job>> cancel(Caller caller, UUID id) {
        return tenants.run(caller, c -> c.preparedQuery(JobStatements.CANCEL).execute(Tuple.of(caller.tenant(), id,
                "cancelled by " + (caller.userName() == null ? caller.user() : caller.userName())))).map(JobQueue::first);
    }

    /** A statement only the current lease holder may run: empty when the token does not hold the lease (any more). */
    private Uni<Optional<Job>> leaseHolder(Caller caller, String sql, Tuple values) {
        return tenants.run(caller, c -> c.preparedQuery(sql).execute(values)).map(JobQueue::first);
    }

    private static Optional<Job> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(Job.of(rows.iterator().next()));
    }
}
