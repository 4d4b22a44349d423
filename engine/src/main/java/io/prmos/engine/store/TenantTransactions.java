package io.prmos.engine.store;

import io.prmos.engine.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.function.Function;

/**
 * Runs work in one transaction whose {@code prm.tenant} setting is the caller's tenant, so
 * PostgreSQL row-level security sees the same tenant the kernel filters on. The setting is
 * transaction-local ({@code set_config(..., true)}) and cannot leak to the next borrower.
 */
public final class TenantTransactions {

    private static final String SET_TENANT = "SELECT set_config('prm.tenant', $1, true)";

    private final Pool pool;

    public TenantTransactions(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> run(Caller caller, Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(connection -> connection.preparedQuery(SET_TENANT)
                .execute(Tuple.of(caller.tenant()))
                .flatMap(ignored -> work.apply(connection)));
    }
}
