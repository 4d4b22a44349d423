package io.prmos.metadata.load;

import io.prmos.metadata.model.Manifest;

/** A manifest that passed schema validation, with the file it came from and where its values are. */
public record LoadedManifest(String file, Manifest manifest, SourceMap sourceMap) {

    /** A problem located at the value of {@code pointer}. */
    public ManifestProblem problemAtValue(String pointer, String message) {
        Position p = sourceMap.valueAt(pointer);
        return new ManifestProblem(file, p.line(), p.column(), pointer, message);
    }

    /** A problem located at the key naming {@code pointer} (names, unknown keys). */
    public ManifestProblem problemAtKey(String pointer, String message) {
        Position p = sourceMap.keyAt(pointer);
        return new ManifestProblem(file, p.line(), p.column(), pointer, message);
    }
}
