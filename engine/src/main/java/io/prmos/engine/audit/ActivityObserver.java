package io.prmos.engine.audit;

import io.prmos.engine.query.Urn;

import io.prmos.engine.store.ActivityEntries;
import io.prmos.engine.store.Append;
import io.prmos.engine.store.ChangeObserver;
import io.prmos.engine.store.RecordChange;
import jakarta.enterprise.context.ApplicationScoped;
import io.prmos.metadata.catalog.EntityDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records creates, updates, deletes and restores of entities with {@code activity} on in the
 * activity log, in the write's transaction. Summaries name the entity and the number of changed
 * fields, never values or field names: an entry is shown to everyone who may read the record,
 * whatever fields they may see.
 */
@ApplicationScoped
public class ActivityObserver implements ChangeObserver {

    public static final int ORDER = 60;

    @Override
    public boolean observes(EntityDescriptor entity) {
        return entity.features().activity();
    }

    @Override
    public boolean appendsOnly() {
        return true;
    }

    /** One entry per change, as {@link ActivityLog#record} writes it: the action, the record's URN and a summary. */
    @Override
    public Optional<Append> append(List<RecordChange> changes) {
        if (changes.isEmpty() || !observes(changes.get(0).entity())) {
            return Optional.empty();
        }
        EntityDescriptor entity = changes.get(0).entity();
        List<ActivityEntries.NewEntry> entries = new ArrayList<>(changes.size());
        for (RecordChange change : changes) {
            String target = new Urn(entity.module(), entity.path(), change.id()).toString();
            entries.add(new ActivityEntries.NewEntry(change.caller().tenant(), change.caller(), ActivityLog.action(change.operation()),
                    entity.module(), entity.path(), change.id(), target, summary(change)));
        }
        return Optional.of(ActivityEntries.rows(entries));
    }

    static String summary(RecordChange change) {
        String what = change.operation().pastTense() + " " + change.entity().label();
        if (change.operation() == RecordChange.Operation.UPDATED) {
            int n = change.changedFields().size();
            return what + " (" + n + (n == 1 ? " field)" : " fields)");
        }
        return what;
    }

    @Override
    public int order() {
        return ORDER;
    }
}
