/**
 * Semantic checks over a whole module set: names, references between entities, dictionaries and
 * modules, option ranges, default values, roles and permissions — everything the JSON Schema
 * cannot express. Every finding is a located {@link io.prmos.metadata.load.ManifestProblem}.
 * Depends on {@code load}, {@code model}, {@code naming} and {@code filter}.
 */
package io.prmos.metadata.check;
