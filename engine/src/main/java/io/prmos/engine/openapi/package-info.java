/**
 * The OpenAPI description of the generated endpoints, built from the active catalog on each
 * request of {@code /q/openapi}. Depends on {@code registry} and the metadata catalog.
 */
package io.prmos.engine.openapi;
