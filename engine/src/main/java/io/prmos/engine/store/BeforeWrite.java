package io.prmos.engine.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.prmos.metadata.catalog.FieldDescriptor;
import java.util.Map;

/**
 * Runs inside the write transaction before a record's row is written, on the same connection: it
 * sees the stored record (locked) and the values about to be written and returns the values to
 * write — changed (before-hooks, formulas, workflow) or refused with an exception that rolls the
 * transaction back (validation rules). Stages run in ascending {@link #order()}.
 */
public interface BeforeWrite {

    /** Whether this stage has work for the entity; when no stage has, updates skip reading the stored row. */
    boolean appliesTo(PendingWrite write);

    Uni<Map<FieldDescriptor, Object>> prepare(SqlConnection connection, PendingWrite write);

    default int order() {
        return 0;
    }
}
