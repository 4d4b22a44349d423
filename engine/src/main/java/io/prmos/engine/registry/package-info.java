/**
 * The module registry: loading the configured modules at start, migrating their storage,
 * recording installed versions (Panache over Flyway-managed kernel tables) and holding the active
 * catalog. Depends on {@code schema}, {@code store} and the metadata front end.
 */
package io.prmos.engine.registry;
