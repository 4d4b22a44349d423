/**
 * A tenant's overlay on the installed modules: custom fields added to entities and the tenant's
 * values of extensible dictionaries. Plain data plus the checks that hold a custom field to the
 * same JSON Schema and semantic rules as a declared field; the catalog package compiles an
 * overlay into the tenant's view of the catalog. Depends on {@code model}, {@code load},
 * {@code check} and {@code naming}.
 */
package io.prmos.metadata.overlay;
