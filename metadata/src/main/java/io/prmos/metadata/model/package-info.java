/**
 * The manifest model: immutable records and sealed types produced by the loader. Nothing after
 * loading sees raw YAML. Depends only on {@code naming} and, for record rules, on the parsed
 * {@code filter} tree.
 */
package io.prmos.metadata.model;
