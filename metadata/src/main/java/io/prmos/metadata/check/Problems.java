package io.prmos.metadata.check;

import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects located problems for the manifests of one check run. */
final class Problems {

    private final List<ManifestProblem> found = new ArrayList<>();

    void atKey(LoadedManifest manifest, String pointer, String message) {
        found.add(manifest.problemAtKey(pointer, message));
    }

    void atValue(LoadedManifest manifest, String pointer, String message) {
        found.add(manifest.problemAtValue(pointer, message));
    }

    void addAll(List<ManifestProblem> located) {
        found.addAll(located);
    }

    List<ManifestProblem> sorted() {
        return found.stream().distinct()
                .sorted(Comparator.comparing(ManifestProblem::file).thenComparingInt(ManifestProblem::line)
                        .thenComparingInt(ManifestProblem::column).thenComparing(ManifestProblem::message))
                .toList();
    }
}
