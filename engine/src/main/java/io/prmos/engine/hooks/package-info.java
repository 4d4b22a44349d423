/**
 * Dispatch of the Java extension hooks of {@code prm-hooks-spi}: the catalog of hooks found by CDI
 * and ServiceLoader, before-hooks as a {@link io.prmos.engine.store.BeforeWrite} stage, after-hooks
 * as a {@link io.prmos.engine.store.ChangeObserver} (order 10), after-commit hooks, custom actions,
 * and the typed contexts that hand hooks records as plain Java values. Hook code runs on its own
 * threads with a deadline. Depends on {@code store}, {@code validation}, {@code query} and
 * {@code events}; nothing in the store depends on it.
 */
package io.prmos.engine.hooks;
