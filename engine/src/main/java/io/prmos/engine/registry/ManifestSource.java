package io.prmos.engine.registry;

/** A manifest as submitted for publishing: its file name (which tells YAML from JSON) and its text. */
public record ManifestSource(String file, String source) {
}
