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

    default Scope scope() {
        return Scope.CLUSTER;
    }

    /** Whether the event interests this subscriber at all; others are skipped without a call. */
    default boolean accepts(DomainEvent event) {
        return true;
    }
}
