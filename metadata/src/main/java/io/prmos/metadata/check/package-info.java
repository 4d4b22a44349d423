/**
 * Semantic checks over a whole module set: names, references between entities, dictionaries and
 * modules, option ranges and default values — everything the JSON Schema cannot express. Every
 * finding is a located {@link io.prmos.metadata.load.ManifestProblem}. Depends on {@code load},
 * {@code model} and {@code naming}.
 */
package io.prmos.metadata.check;
