/**
 * Reads and writes manifest-defined records with the Vert.x reactive PostgreSQL client: generated
 * statements with bound parameters, in a transaction carrying the caller's tenant. Depends on
 * {@code sql}, {@code query}, {@code validation} and {@code security}; never on {@code api}.
 */
package io.prmos.engine.store;
