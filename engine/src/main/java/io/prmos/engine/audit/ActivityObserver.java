package io.prmos.engine.audit;

import io.prmos.engine.query.Urn;

import io.prmos.engine.store.ChangeObserver;
import io.prmos.engine.store.RecordChange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Records creates, updates, deletes and restores of entities with {@code activity} on in the
 * activity log, in the write's transaction. Summaries name the entity and the number of changed
 * fields, never values or field names: an entry is shown to everyone who may read the record,
 * whatever fields they may see.
 */
@ApplicationScoped
public class ActivityObserver implements ChangeObserver {

    public static final int ORDER = 60;

    @Inject
    ActivityLog log;

    @Override
    public Uni<Void> onChange(SqlConnection connection, RecordChange change) {
        if (!change.entity().features().activity()) {
            return Uni.createFrom().voidItem();
        }
        String target = new Urn(change.entity().module(), change.entity().path(), change.id()).toString();
        return log.record(connection, change.caller(), ActivityLog.action(change.operation()), target, summary(change));
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
