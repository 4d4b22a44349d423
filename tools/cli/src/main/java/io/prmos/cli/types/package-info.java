/**
 * {@code prm types}: the TypeScript a module's UI code uses to read and write its own entities, emitted
 * from the validated manifest — per entity the record as the API returns it, the create and patch
 * bodies, and a typed client over {@code @prm/ui}'s {@code entityClient}. Plain Java over the manifest
 * model; depends on {@code metadata} only.
 */
package io.prmos.cli.types;
