package io.prmos.metadata.load;

import java.util.List;

/** The outcome of loading one manifest file: a manifest, or every problem found in it. */
public sealed interface LoadResult {

    String file();

    /** Problems of this result; empty when loaded. */
    List<ManifestProblem> problems();

    record Loaded(LoadedManifest manifest) implements LoadResult {
        public String file() {
            return manifest.file();
        }

        public List<ManifestProblem> problems() {
            return List.of();
        }
    }

    record Failed(String file, List<ManifestProblem> problems) implements LoadResult {
        public Failed {
            problems = List.copyOf(problems);
        }
    }
}
