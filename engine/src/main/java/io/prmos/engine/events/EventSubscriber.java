package io.prmos.engine.events;

import io.smallrye.mutiny.Uni;

/**
 * An in-process consumer of the event log (webhook fan-out, server-sent event streams, automations).
 * Implementations are CDI beans; the relay hands them every event after its transaction committed, in
 * position order (so in order per record), at least once: a consumer must be idempotent on
 * {@link DomainEvent#id()}. A failed {@link #onEvent} is retried from that event on the next cycle.
 *
 * <p>A {@link Scope#CLUSTER} subscriber receives each event once per cluster (its progress is stored
 * and one engine instance at a time consumes for it); an {@link Scope#INSTANCE} subscriber receives
 * each event on every instance, from the moment the instance started (live streams).
 */
public interface EventSubscriber {

    enum Scope { CLUSTER, INSTANCE }

    /** Stable id; progress of a cluster subscriber is stored under it. */
    String id();

    Uni<Void> onEvent(DomainEvent event);

    /**
     * Whether the relay hands this subscriber a batch at a time ({@link #onEvents}) instead of one
     * event after the other: for subscribers whose work per event is a statement that one statement
     * for the batch can do. A failed batch is retried whole, so the subscriber must be idempotent on it.
     */
    default boolean batches() {
        return false;
    }

    /** The events of one relay batch this subscriber accepts, in position order (only when {@link #batches}). */
    default Uni<Void> onEvents(java.util.List<DomainEvent> events) {
        throw new UnsupportedOperationException(id() + " takes one event at a time");
    }

    default Scope scope() {
        return Scope.CLUSTER;
    }

    /** Whether the event interests this subscriber at all; others are skipped without a call. */
    default boolean accepts(DomainEvent event) {
        return true;
    }
}
