package io.prmos.engine.registry;

/**
 * A manifest as submitted for publishing: its file name (which tells YAML from JSON), its text and,
 * when the module has UI extensions, the bundle {@code prm} built from its {@code ui/} folder (or null).
 */
public record ManifestSource(String file, String source, String uiBundle) {

    public ManifestSource(String file, String source) {
        this(file, source, null);
    }
}
