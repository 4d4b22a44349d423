package io.prmos.engine.store;

import io.prmos.metadata.catalog.EntityDescriptor;
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

    /** Whether every observer of writes of {@code entity} only appends rows, so that they can travel with the write itself. */
    boolean onlyAppendFor(EntityDescriptor entity) {
        return steps.stream().allMatch(step -> step.get(0).appendsOnly() || !step.get(0).observes(entity));
    }

    /**
     * The rows every observer appends for {@code changes}, in observer order, and the observers to tell once
     * they are written ({@link Appending#written}). Only for an entity whose observers {@link #onlyAppendFor only append}.
     */
    Appending appends(List<RecordChange> changes) {
        Appending all = new Appending(new ArrayList<>(), new ArrayList<>());
        for (List<ChangeObserver> step : steps) {
            if (step.get(0).appendsOnly()) {
                all.add(appends(step, changes));
            }
        }
        return all;
    }

    /** Rows observers append and the observers that append them. */
    record Appending(List<Append> rows, List<ChangeObserver> observers) {

        private void add(Appending more) {
            rows.addAll(more.rows());
            observers.addAll(more.observers());
        }

        /** Tells the observers their rows are written (on {@code c}, before its transaction ends). */
        void written(SqlConnection c) {
            observers.forEach(observer -> observer.appended(c));
        }
    }

    private static Appending appends(List<ChangeObserver> step, List<RecordChange> changes) {
        EntityDescriptor entity = changes.get(0).entity();
        Appending appending = new Appending(new ArrayList<>(), new ArrayList<>());
        for (ChangeObserver observer : step) {
            if (observer.observes(entity)) {
                observer.append(changes).ifPresent(append -> {
                    appending.rows().add(append);
                    appending.observers().add(observer);
                });
            }
        }
        return appending;
    }

    private static Uni<Void> run(SqlConnection c, List<ChangeObserver> step, List<RecordChange> changes) {
        var entity = changes.get(0).entity();
        if (step.get(0).appendsOnly()) {
            Appending appending = appends(step, changes);
            return AppendStatement.execute(c, appending.rows()).invoke(() -> appending.written(c));
        }
        ChangeObserver observer = step.get(0);
        if (!observer.observes(entity)) {
            return Uni.createFrom().voidItem();
        }
        return InOrder.each(changes, change -> observer.onChange(c, change)).replaceWithVoid();
    }
}
