/**
 * The filter language of the API (and of record-level permission rules): a parser from text to
 * a typed {@link io.prmos.metadata.filter.Filter} tree. It never produces SQL. Depends on nothing.
 */
package io.prmos.metadata.filter;
