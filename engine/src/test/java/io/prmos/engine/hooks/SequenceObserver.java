package io.prmos.engine.hooks;

import io.prmos.engine.store.ChangeObserver;
import io.prmos.engine.store.RecordChange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/** Stands where the outbox observer stands (order 100) and records that it ran, for the order-of-execution spec. */
@ApplicationScoped
public class SequenceObserver implements ChangeObserver {

    @Override
    public Uni<Void> onChange(SqlConnection connection, RecordChange change) {
        if (SequenceLog.watches(change.after().path("name").asText(null))) {
            SequenceLog.add("observer@100 " + change.operation());
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public boolean observes(io.prmos.metadata.catalog.EntityDescriptor entity) {
        return SequenceLog.watching();
    }

    @Override
    public int order() {
        return 100;
    }
}
