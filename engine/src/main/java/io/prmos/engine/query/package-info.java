/**
 * The list query of the API (filter, sort, limit, cursor, fields, total) bound to an entity: typed
 * trees and values, never SQL. Depends on the metadata catalog and filter language and on
 * {@code validation} for value parsing; {@code store} renders what it produces.
 */
package io.prmos.engine.query;
