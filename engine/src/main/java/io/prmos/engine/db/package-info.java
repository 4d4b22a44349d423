/**
 * Where the database is: an external PostgreSQL by configuration, or an embedded one started on
 * first use with a durable, locked data directory. Configuration-time code only; nothing at
 * request time depends on it.
 */
package io.prmos.engine.db;
