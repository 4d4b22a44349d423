package io.prmos.engine.events;

import io.prmos.engine.store.Append;
import io.prmos.engine.store.ChangeObserver;
import io.prmos.engine.store.RecordChange;
import io.prmos.engine.store.TenantTransactions;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.prmos.metadata.catalog.EntityDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the domain event of every record change to the outbox, in the write's transaction: a
 * rolled-back write leaves no event. Runs last among observers (after hooks 10, audit 50, activity 60).
 * Once the write commits it wakes this instance's relay; the write itself sends no NOTIFY, whose
 * commit-time lock would make concurrent writes commit one after the other (docs/adr/0096).
 */
@ApplicationScoped
public class OutboxObserver implements ChangeObserver {

    public static final int ORDER = 100;

    /** Off only to measure the outbox's cost (tools/bench); events are part of the product otherwise. */
    @ConfigProperty(name = "prm.events.outbox.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    TenantTransactions transactions;

    @Inject
    EventRelay relay;

    /** The events are in the write's transaction: the relay may stamp them once it commits. */
    @Override
    public void appended(SqlConnection connection) {
        transactions.afterCommit(connection, relay::wakeUp);
    }

    @Override
    public boolean observes(EntityDescriptor entity) {
        return enabled;
    }

    @Override
    public boolean appendsOnly() {
        return true;
    }

    /** One event per change, in write order. */
    @Override
    public Optional<Append> append(List<RecordChange> changes) {
        if (!enabled || changes.isEmpty()) {
            return Optional.empty();
        }
        List<NewEvent> events = new ArrayList<>(changes.size());
        List<String> data = new ArrayList<>(changes.size());
        for (RecordChange change : changes) {
            events.add(RecordEvents.envelope(change));
            data.add(RecordEvents.dataJson(change));
        }
        return Optional.of(OutboxStatements.rows(events, data));
    }

    @Override
    public int order() {
        return ORDER;
    }
}
