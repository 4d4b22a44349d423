/**
 * The compiled catalog: immutable descriptors of modules, entities and fields that every runtime
 * pass (DDL, queries, validation, OpenAPI, UI) reads. Built from checked manifests by
 * {@link io.prmos.metadata.catalog.CatalogCompiler}; depends on {@code model} and {@code naming}.
 */
package io.prmos.metadata.catalog;
