/**
 * Reading untrusted JSON: the one configured reader for request bodies and cursors, which refuses
 * what PostgreSQL or the rest of the engine cannot take (duplicate keys, U+0000, unpaired
 * surrogates, numbers beyond any column). Plain Java on Jackson; depends on nothing in the engine,
 * so {@code api}, {@code query} and the resources of every other package can use it.
 */
package io.prmos.engine.json;
