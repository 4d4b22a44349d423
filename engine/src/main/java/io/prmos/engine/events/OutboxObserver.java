package io.prmos.engine.events;

import io.prmos.engine.store.ChangeObserver;
import io.prmos.engine.store.RecordChange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the domain event of every record change to the outbox, in the write's transaction: a
 * rolled-back write leaves no event. Runs last among observers (after hooks 10, audit 50, activity 60).
 */
@ApplicationScoped
public class OutboxObserver implements ChangeObserver {

    public static final int ORDER = 100;

    /** Off only to measure the outbox's cost (tools/bench); events are part of the product otherwise. */
    @ConfigProperty(name = "prm.events.outbox.enabled", defaultValue = "true")
    boolean enabled;

    private final OutboxWriter writer = new OutboxWriter();

    @Override
    public Uni<Void> onChange(SqlConnection connection, RecordChange change) {
        return enabled ? writer.write(connection, RecordEvents.of(change)) : Uni.createFrom().voidItem();
    }

    @Override
    public int order() {
        return ORDER;
    }
}
