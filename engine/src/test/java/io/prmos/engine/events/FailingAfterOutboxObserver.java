package io.prmos.engine.events;

import io.prmos.engine.store.ChangeObserver;
import io.prmos.engine.store.RecordChange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Test observer that runs after the outbox and fails the write of a record whose name ends with
 * {@code fail-after-outbox}: the event was written in the transaction, which then rolls back. It observes
 * writes only while {@link #ARMED} (other specs' creates may then go as one statement, docs/adr/0102).
 */
@ApplicationScoped
public class FailingAfterOutboxObserver implements ChangeObserver {

    static final String MARKER = "fail-after-outbox";
    static final java.util.concurrent.atomic.AtomicBoolean ARMED = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public boolean observes(io.prmos.metadata.catalog.EntityDescriptor entity) {
        return ARMED.get();
    }

    @Override
    public Uni<Void> onChange(SqlConnection connection, RecordChange change) {
        if (change.after().path("name").asText("").endsWith(MARKER)) {
            return Uni.createFrom().failure(new IllegalStateException("refused after the outbox"));
        }
        return Uni.createFrom().voidItem();
    }

    @Override
    public int order() {
        return OutboxObserver.ORDER + 1;
    }
}
