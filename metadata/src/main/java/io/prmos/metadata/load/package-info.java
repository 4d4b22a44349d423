/**
 * Reading a manifest file: parse YAML or JSON while remembering where every value came from,
 * validate against the JSON Schema, and map to the {@code model} records. Every failure a user can
 * cause becomes a located {@link io.prmos.metadata.load.ManifestProblem}, never an exception.
 * Depends on {@code model}, {@code naming} and {@code filter} (permission rules are parsed once, here).
 */
package io.prmos.metadata.load;
