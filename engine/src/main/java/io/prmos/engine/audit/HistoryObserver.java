package io.prmos.engine.audit;

import io.prmos.engine.store.Append;
import io.prmos.engine.store.ChangeObserver;
import io.prmos.engine.store.RecordChange;
import io.prmos.engine.store.RecordHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.prmos.metadata.catalog.EntityDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * Appends every change of an entity with {@code audit} on to its module's history, in the write's
 * transaction: who, when, the request id, the operation, the version and each changed field's old
 * and new value. All fields are stored; hiding is done when the history is read.
 */
@ApplicationScoped
public class HistoryObserver implements ChangeObserver {

    /** After after-hooks (10), before the activity log (60) and the outbox (100). */
    public static final int ORDER = 50;

    @Inject
    RecordHistory history;

    @Override
    public boolean observes(EntityDescriptor entity) {
        return entity.features().audit();
    }

    @Override
    public boolean appendsOnly() {
        return true;
    }

    @Override
    public Optional<Append> append(List<RecordChange> changes) {
        if (changes.isEmpty() || !observes(changes.get(0).entity())) {
            return Optional.empty();
        }
        return Optional.of(history.rows(changes));
    }

    @Override
    public int order() {
        return ORDER;
    }
}
