/**
 * Validation of record input from field metadata: JSON values to typed values, constraints, and
 * violations with JSON pointers. Plain Java over the catalog; used by {@code api} and {@code store}.
 */
package io.prmos.engine.validation;
