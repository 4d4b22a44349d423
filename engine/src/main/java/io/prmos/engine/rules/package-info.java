/**
 * CEL validation rules and formula fields at write time: each entity's expressions are compiled once
 * per catalog ({@link io.prmos.engine.rules.CompiledExpressions}) and applied by the write stage
 * {@link io.prmos.engine.rules.RuleStage} to the record as it will be written. Depends on
 * {@code store} and {@code validation}, and on {@code io.prmos.metadata.rules} for the typed environment.
 */
package io.prmos.engine.rules;
