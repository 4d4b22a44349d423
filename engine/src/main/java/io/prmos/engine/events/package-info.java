/**
 * Domain events: the transactional outbox, delivery to subscribers and webhooks, replay and
 * server-sent event streams. Depends on {@code store} (records are observed through
 * {@link io.prmos.engine.store.ChangeObserver}) and {@code security}; nothing in the store depends on it.
 */
package io.prmos.engine.events;
