package io.prmos.engine.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@link ChangeObserver}s in their order, as a writer runs them over the records of one write
 * (one record, or the records of a bulk request's run of creates). Consecutive observers that only
 * append rows form one step: one statement for all of them and all records. Any other observer is a
 * step of its own and sees the records one by one, in write order. Steps run one after the other, so
 * the documented order (after-hooks 10, history 50, activity 60, outbox 100) holds for every record.
 */
final class ChangeObservers {

    private final List<List<ChangeObserver>> steps;

    ChangeObservers(List<ChangeObserver> observers) {
        List<List<ChangeObserver>> grouped = new ArrayList<>();
        List<ChangeObserver> appending = new ArrayList<>();
        for (ChangeObserver observer : observers.stream().sorted(Comparator.comparingInt(ChangeObserver::order)).toList()) {
            if (observer.appendsOnly()) {
                appending.add(observer);
                continue;
            }
            if (!appending.isEmpty()) {
                grouped.add(List.copyOf(appending));
                appending.clear();
            }
            grouped.add(List.of(observer));
        }
        if (!appending.isEmpty()) {
            grouped.add(List.copyOf(appending));
        }
        this.steps = List.copyOf(grouped);
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Runs every observer over {@code changes} (all of one entity), in order; the first failure fails the write. */
    Uni<Void> observe(SqlConnection c, List<RecordChange> changes) {
        if (changes.isEmpty() || steps.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return InOrder.each(steps, step -> run(c, step, changes)).replaceWithVoid();
    }

    private static Uni<Void> run(SqlConnection c, List<ChangeObserver> step, List<RecordChange> changes) {
        var entity = changes.get(0).entity();
        if (step.get(0).appendsOnly()) {
            List<Append> appends = new ArrayList<>();
            List<ChangeObserver> appending = new ArrayList<>();
            for (ChangeObserver observer : step) {
                if (observer.observes(entity)) {
                    observer.append(changes).ifPresent(append -> {
                        appends.add(append);
                        appending.add(observer);
                    });
                }
            }
            return AppendStatement.execute(c, appends).invoke(() -> appending.forEach(observer -> observer.appended(c)));
        }
        ChangeObserver observer = step.get(0);
        if (!observer.observes(entity)) {
            return Uni.createFrom().voidItem();
        }
        return InOrder.each(changes, change -> observer.onChange(c, change)).replaceWithVoid();
    }
}
