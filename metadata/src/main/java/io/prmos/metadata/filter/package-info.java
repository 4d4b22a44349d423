/**
 * The list query language of the API (and of record-level permission rules): {@code filter=} text
 * parsed into a typed {@link io.prmos.metadata.filter.Filter} tree, {@code sort=} text into
 * {@link io.prmos.metadata.filter.SortKey}s, and a printer back to canonical text. It never
 * produces SQL and does not know entities; binding to fields happens later. Depends on nothing.
 */
package io.prmos.metadata.filter;
