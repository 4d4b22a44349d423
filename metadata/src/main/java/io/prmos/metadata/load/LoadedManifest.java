package io.prmos.metadata.load;

import io.prmos.metadata.model.Manifest;
import java.util.List;

/**
 * A manifest that passed schema validation, with the file it came from and where its values are.
 *
 * @param ruleProblems problems found while mapping that are semantic rather than structural (a
 *                     {@code where} rule that does not parse); the semantic checker reports them
 */
public record LoadedManifest(String file, Manifest manifest, SourceMap sourceMap, List<ManifestProblem> ruleProblems) {

    public LoadedManifest {
        ruleProblems = List.copyOf(ruleProblems);
    }

    public LoadedManifest(String file, Manifest manifest, SourceMap sourceMap) {
        this(file, manifest, sourceMap, List.of());
    }

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
