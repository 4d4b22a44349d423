package io.prmos.engine.store;

import io.prmos.engine.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs record work on the data role's pool with PostgreSQL's {@code prm.tenant} setting equal to
 * the caller's tenant, so row-level security sees the tenant the kernel filters on.
 *
 * <p>Round trips decide the API's ceiling (docs/adr/0004), so statements are pipelined:
 * <ul>
 *   <li>{@link #read} sends the session-level setting and the query together and waits once.
 *       The setting outlives the request on the pooled connection, which is harmless because every
 *       use of this pool goes through this class and sets the tenant first, in the same pipeline.</li>
 *   <li>{@link #run} sends BEGIN and a transaction-local setting together with the first
 *       statement of the work, then COMMIT: the setting cannot outlive the transaction.</li>
 * </ul>
 */
public final class TenantTransactions {

    private static final String SET_SESSION_TENANT = "SELECT set_config('prm.tenant', $1, false)";
    private static final String SET_LOCAL_TENANT = "SELECT set_config('prm.tenant', $1, true)";

    private final Pool pool;
    private final Map<SqlConnection, List<Runnable>> afterCommit = Collections.synchronizedMap(new IdentityHashMap<>());

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
            Future<?> setting = connection.preparedQuery(SET_SESSION_TENANT).execute(tenant);
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
        return pool.withConnection(connection -> Uni.combine().all()
                .unis(connection.preparedQuery(SET_SESSION_TENANT).execute(Tuple.of(caller.tenant())), statement.apply(connection))
                .asTuple().map(both -> both.getItem2()));
    }

    /** Work of one or more statements in one transaction; BEGIN and the setting travel together. */
    public <T> Uni<T> run(Caller caller, Function<SqlConnection, Uni<T>> work) {
        return pool.withConnection(connection -> Uni.combine().all()
                .unis(connection.begin(), connection.preparedQuery(SET_LOCAL_TENANT).execute(Tuple.of(caller.tenant())))
                .asTuple()
                .flatMap(started -> work.apply(connection)
                        .onFailure().call(() -> started.getItem1().rollback().onFailure().recoverWithNull())
                        .call(() -> started.getItem1().commit()))
                .onTermination().invoke((item, failure, cancelled) -> committed(connection, failure == null && !cancelled)));
    }

    /**
     * Runs {@code task} once the transaction on {@code connection} (one {@link #run}) has committed, and
     * never if it rolls back. Tasks must not block: they hand their work to an executor.
     */
    public void afterCommit(SqlConnection connection, Runnable task) {
        afterCommit.computeIfAbsent(connection, c -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(task);
    }

    private void committed(SqlConnection connection, boolean committed) {
        List<Runnable> tasks = afterCommit.remove(connection);
        if (committed && tasks != null) {
            tasks.forEach(Runnable::run);
        }
    }
}
