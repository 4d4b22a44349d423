package io.prmos.engine.api;

import io.prmos.engine.store.ChangeObserver;
import io.prmos.engine.store.RecordChange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test observer: remembers the changes of records whose name starts with a watched prefix, and
 * fails the write of a record named {@code <prefix>explode} to prove observers run inside the
 * transaction.
 */
@ApplicationScoped
public class RecordingChangeObserver implements ChangeObserver {

    private final List<RecordChange> seen = new CopyOnWriteArrayList<>();
    private volatile String watched = "\u0000";

    void watch(String prefix) {
        watched = prefix;
        seen.clear();
    }

    /** Stops watching: writes no longer reach this observer (creates may then go as one statement, docs/adr/0102). */
    void stop() {
        watched = "\u0000";
    }

    @Override
    public boolean observes(io.prmos.metadata.catalog.EntityDescriptor entity) {
        return !watched.equals("\u0000");
    }

    List<RecordChange> seen() {
        return List.copyOf(seen);
    }

    @Override
    public Uni<Void> onChange(SqlConnection connection, RecordChange change) {
        String name = change.after().path("name").asText("");
        if (!name.startsWith(watched)) {
            return Uni.createFrom().voidItem();
        }
        if (name.equals(watched + "explode")) {
            return Uni.createFrom().failure(new IllegalStateException("observer refused " + name));
        }
        seen.add(change);
        return Uni.createFrom().voidItem();
    }
}
