package io.prmos.engine.store;

import io.prmos.engine.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs record work on the data role's pool with PostgreSQL's {@code prm.tenant} setting equal to
 * the caller's tenant, so row-level security sees the tenant the kernel filters on.
 *
 * <p>Round trips decide the API's ceiling (docs/adr/0004, 0090), so statements are pipelined: the
 * Vert.x client sends a statement as soon as it is issued, without waiting for the previous answer.
 * <ul>
 *   <li>{@link #read} sends the session-level setting and the query together and waits once.
 *       The setting outlives the request on the pooled connection, which is harmless because every
 *       use of this pool goes through this class and sets the tenant first, in the same pipeline —
 *       unless the connection's session already has the caller's tenant ({@link SessionTenants},
 *       docs/adr/0104). {@link #writeOne} does the same for a write of one statement.</li>
 *   <li>{@link #run} sends BEGIN, a transaction-local setting and the first statement of the work
 *       together, then COMMIT once the work is done: the setting cannot outlive the transaction.</li>
 * </ul>
 * Whatever happens to the work — a result, a failure, a cancellation — the transaction is rolled back
 * unless it committed, and the connection goes back to the pool (closing a Vert.x connection with an
 * open transaction rolls it back).
 */
public final class TenantTransactions {

    static final String SET_SESSION_TENANT = "SELECT set_config('prm.tenant', $1, false)";
    private static final String SET_LOCAL_TENANT = "SELECT set_config('prm.tenant', $1, true)";

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(TenantTransactions.class);

    private final Pool pool;
    /** After-commit tasks of the transactions in flight, by connection (a record write asks to wake the event relay). */
    private final Map<SqlConnection, List<Runnable>> afterCommit = new ConcurrentHashMap<>();
    /** The tenant each connection's session has, so that the setting is sent only when it changes (docs/adr/0104). */
    private final SessionTenants sessions = new SessionTenants();

    public TenantTransactions(Pool pool) {
        this.pool = pool;
    }

    /**
     * One prepared statement that only reads, as {@link #read}, on the Vert.x client directly: the hot
     * read paths (get by id, a list page) pay for one Uni instead of a chain of Mutiny operators, each
     * of which captures and restores the request's context (docs/adr/0087).
     */
    public Uni<RowSet<Row>> query(Caller caller, String sql, Tuple params) {
        io.vertx.sqlclient.Tuple tenant = io.vertx.sqlclient.Tuple.of(caller.tenant());
        return Uni.createFrom().emitter(emitter -> pool.getDelegate().withConnection(connection -> {
            if (sessions.holds(connection, caller.tenant())) {
                return connection.preparedQuery(sql).execute(params.getDelegate());
            }
            Future<?> setting = connection.preparedQuery(SET_SESSION_TENANT).execute(tenant)
                    .onSuccess(set -> sessions.remember(connection, caller.tenant()));
            Future<io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row>> rows = connection.preparedQuery(sql).execute(params.getDelegate());
            return Future.all(setting, rows).map(both -> rows.result());
        }).onComplete(done -> {
            if (done.succeeded()) {
                emitter.complete(RowSet.newInstance(done.result(), Row.__TYPE_ARG));
            } else {
                emitter.fail(done.cause());
            }
        }));
    }

    /** One statement that only reads: setting and statement in one pipeline, no transaction. */
    public <T> Uni<T> read(Caller caller, Function<SqlConnection, Uni<T>> statement) {
        return pool.withConnection(connection -> inSession(connection, caller, statement));
    }

    /**
     * The statement after the session tenant setting, sent together — or alone when the connection's session
     * already has the caller's tenant (docs/adr/0104).
     */
    private <T> Uni<T> inSession(SqlConnection connection, Caller caller, Function<SqlConnection, Uni<T>> statement) {
        if (sessions.holds(connection, caller.tenant())) {
            return statement.apply(connection);
        }
        Uni<?> setting = connection.preparedQuery(SET_SESSION_TENANT).execute(Tuple.of(caller.tenant()))
                .invoke(set -> sessions.remember(connection, caller.tenant()));
        return Uni.combine().all().unis(setting, statement.apply(connection)).asTuple().map(both -> both.getItem2());
    }

    /**
     * One statement that writes, as its own transaction (docs/adr/0102): the session setting, as {@link #read}
     * sends it, and the statement in one pipeline, no BEGIN or COMMIT. The after-commit tasks registered on
     * the connection run once the statement succeeded, and are dropped if it failed.
     */
    public <T> Uni<T> writeOne(Caller caller, Function<SqlConnection, Uni<T>> statement) {
        return pool.withConnection(connection -> inSession(connection, caller, statement)
                .onTermination().invoke((item, failure, cancelled) -> settle(connection, failure == null && !cancelled)));
    }

    /** Work on one connection of the pool that manages its own transactions and tenant setting (public-id reservations). */
    public <T> Uni<T> alone(Function<SqlConnection, Uni<T>> work) {
        return pool.withConnection(work);
    }

    /** Work of one or more statements in one transaction; BEGIN, the setting and the work's first statement travel together. */
    public <T> Uni<T> run(Caller caller, Function<SqlConnection, Uni<T>> work) {
        return pool.withConnection(connection -> this.<T>inTransaction(connection, caller, () -> work.apply(connection)));
    }

    /**
     * As {@link #run(Caller, Function)}, after {@code prologue} — statements that run on the same
     * connection before the transaction begins, in transactions of their own (such as reserving public
     * ids, {@link PublicIds#reserve}). The prologue, BEGIN and the setting are sent together; the work
     * starts with the prologue's result.
     */
    public <A, T> Uni<T> run(Caller caller, Function<SqlConnection, Uni<A>> prologue, BiFunction<SqlConnection, A, Uni<T>> work) {
        return pool.withConnection(connection -> {
            Uni<A> first = prologue.apply(connection).memoize().indefinitely();
            first.subscribe().with(ignored -> { }, ignored -> { });
            return this.<T>inTransaction(connection, caller, () -> first.flatMap(result -> work.apply(connection, result)));
        });
    }

    private <T> Uni<T> inTransaction(SqlConnection connection, Caller caller, java.util.function.Supplier<Uni<? extends T>> work) {
        // Subscribed in this order, so BEGIN, the setting and the work's first statement leave in this order.
        return Uni.combine().all()
                .unis(connection.begin(), connection.preparedQuery(SET_LOCAL_TENANT).execute(Tuple.of(caller.tenant())),
                        Uni.createFrom().deferred(work))
                .asTuple()
                .onFailure().call(() -> rollback(connection))
                .flatMap(done -> done.getItem1().commit().replaceWith(done.getItem3()))
                .onTermination().invoke((item, failure, cancelled) -> settle(connection, failure == null && !cancelled));
    }

    private static Uni<Void> rollback(SqlConnection connection) {
        Transaction transaction = connection.transaction();
        return transaction == null ? Uni.createFrom().voidItem() : transaction.rollback().onFailure().recoverWithNull();
    }

    /**
     * Runs {@code task} once the transaction on {@code connection} (one {@link #run}, or work that calls
     * {@link #settle} when it ends) has committed, and never if it rolls back. Tasks must not block: they
     * hand their work to an executor.
     */
    public void afterCommit(SqlConnection connection, Runnable task) {
        afterCommit.computeIfAbsent(connection, c -> new CopyOnWriteArrayList<>()).add(task);
    }

    /**
     * Ends the after-commit tasks of the transaction on {@code connection}: runs them if it committed,
     * drops them if not. {@link #run} calls it; work that opens its own transaction on this class's pool
     * (imports, with their savepoints) must call it once that transaction ended. A failing task is
     * logged; the others still run and the committed work stays committed.
     */
    public void settle(SqlConnection connection, boolean committed) {
        List<Runnable> tasks = afterCommit.isEmpty() ? null : afterCommit.remove(connection);
        if (!committed || tasks == null) {
            return;
        }
        for (Runnable task : tasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("an after-commit task failed; the transaction stays committed", e);
            }
        }
    }
}
