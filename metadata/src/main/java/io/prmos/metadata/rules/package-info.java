/**
 * CEL (Common Expression Language) over records: the typed environment an entity's expressions are
 * checked in (one variable per field), type-checking of validation rules, formulas and guards, and
 * their evaluation on a record's JSON. Plain Java on {@code dev.cel}; used by the semantic checker
 * (so the CLI checks expressions offline) and by the engine, which compiles each entity's
 * expressions once per catalog.
 */
package io.prmos.metadata.rules;
