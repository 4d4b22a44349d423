/**
 * Compares the installed manifest of a module with a candidate for publishing: every difference
 * becomes a classified {@link io.prmos.metadata.diff.Change}, and the version rules decide whether
 * the candidate may be published. Plain Java over the {@code model}; no database, no I/O.
 * Depends only on {@code model}; the migration planner and the publish endpoint depend on it.
 */
package io.prmos.metadata.diff;
