package io.prmos.engine.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Runs inside the write transaction right after a record's row was written, on the same connection,
 * before the transaction commits: a failure rolls the whole write back. The outbox, the audit history
 * and after-hooks are observers; they run in ascending {@link #order()}.
 */
public interface ChangeObserver {

    Uni<Void> onChange(SqlConnection connection, RecordChange change);

    /** Position among observers; lower runs first. */
    default int order() {
        return 0;
    }
}
