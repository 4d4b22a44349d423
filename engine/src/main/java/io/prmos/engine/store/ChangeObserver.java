package io.prmos.engine.store;

import io.prmos.metadata.catalog.EntityDescriptor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;
import java.util.Optional;

/**
 * Runs inside the write transaction right after a record's row was written, on the same connection,
 * before the transaction commits: a failure rolls the whole write back. The outbox, the audit history
 * and after-hooks are observers; they run in ascending {@link #order()}.
 *
 * <p>An observer whose only effect is appending rows (history, activity, outbox) says so with
 * {@link #appendsOnly()} and describes its rows with {@link #append}; the writer then sends the rows of
 * consecutive such observers, for every record of the write, as one statement (docs/adr/0091). Other
 * observers run through {@link #onChange}, record by record.
 */
public interface ChangeObserver {

    /**
     * The observer's work for one change. An observer that only appends ({@link #appendsOnly}) need not
     * implement it: writers send its rows with other observers' ({@code ChangeObservers}), and this
     * default appends them alone.
     */
    default Uni<Void> onChange(SqlConnection connection, RecordChange change) {
        Optional<Append> rows = append(List.of(change));
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return AppendStatement.execute(connection, List.of(rows.get())).invoke(() -> appended(connection));
    }

    /** Position among observers; lower runs first. */
    default int order() {
        return 0;
    }

    /** Whether this observer may have work for writes of {@code entity}; writers skip it otherwise. */
    default boolean observes(EntityDescriptor entity) {
        return true;
    }

    /** Whether everything this observer does is appending the rows {@link #append} describes. */
    default boolean appendsOnly() {
        return false;
    }

    /** The rows to append for {@code changes} (records of one entity, in write order); empty when there are none. */
    default Optional<Append> append(List<RecordChange> changes) {
        throw new UnsupportedOperationException(getClass().getName() + " does not describe its rows");
    }

    /**
     * Called on the write's connection once the rows {@link #append} described are written, before the
     * transaction commits (to ask for work after the commit, such as waking the event relay); must not block.
     */
    default void appended(SqlConnection connection) {
    }
}
