package io.prmos.metadata.diff;

import io.prmos.metadata.model.SemVer;
import java.util.ArrayList;
import java.util.List;

/**
 * Semantic versioning applied to the change set: the version must grow, a patch release keeps the
 * schema, and a breaking change needs a new major version.
 */
final class VersionRules {

    private VersionRules() {
    }

    static List<String> refusals(SemVer installed, SemVer candidate, List<Change> changes, boolean schemaChanged) {
        List<String> refusals = new ArrayList<>();
        if (candidate.compareTo(installed) <= 0) {
            refusals.add("version " + candidate + " is not greater than the installed version " + installed
                    + "; publish a higher version");
            return refusals;
        }
        boolean patchOnly = candidate.major() == installed.major() && candidate.minor() == installed.minor();
        if (schemaChanged && patchOnly) {
            refusals.add("a patch release may not change the schema (" + installed + " → " + candidate
                    + "); publish " + installed.major() + "." + (installed.minor() + 1) + ".0 or later");
        }
        List<String> breaking = changes.stream().filter(c -> c.classification() == ChangeClass.BREAKING)
                .map(c -> c.kind() + " " + c.target()).toList();
        if (!breaking.isEmpty() && candidate.major() <= installed.major()) {
            refusals.add("breaking changes need a new major version (" + installed + " → " + candidate + "): "
                    + String.join(", ", breaking) + "; publish " + (installed.major() + 1) + ".0.0 or later");
        }
        return refusals;
    }
}
