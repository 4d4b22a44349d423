/**
 * The manifest model: immutable records and sealed types produced by the loader. Nothing after
 * loading sees raw YAML. Depends only on {@code naming}.
 */
package io.prmos.metadata.model;
