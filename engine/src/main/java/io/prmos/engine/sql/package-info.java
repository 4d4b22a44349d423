/**
 * SQL identifiers: the single quoting function every generated statement uses. Depends on nothing;
 * {@code schema} and {@code store} depend on it.
 */
package io.prmos.engine.sql;
