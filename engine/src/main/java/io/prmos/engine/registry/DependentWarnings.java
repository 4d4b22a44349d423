package io.prmos.engine.registry;

import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.Dependents;
import io.prmos.metadata.diff.Change;
import io.prmos.metadata.diff.ChangeClass;
import io.prmos.metadata.diff.ChangeSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Impact analysis in the publish pipeline: for each breaking change of a module, the other
 * installed modules that reference (or link to) the entity it touches, as one warning sentence each.
 */
final class DependentWarnings {

    private DependentWarnings() {
    }

    static List<String> of(Catalog installed, String module, ChangeSet changes) {
        List<String> warnings = new ArrayList<>();
        if (changes == null || installed.module(module).isEmpty()) {
            return warnings;
        }
        List<Dependents.Dependency> dependents = Dependents.of(installed, module);
        for (Change change : changes.changes()) {
            if (change.classification() != ChangeClass.BREAKING) {
                continue;
            }
            String entity = module + "." + change.target().split("\\.", 2)[0];
            for (Dependents.Dependency d : dependents) {
                if (d.target().equals(entity)) {
                    warnings.add("module " + d.module() + " depends on " + entity + " (" + d.kind() + " " + d.source() + "); "
                            + change.kind() + " " + change.target() + " is breaking and may affect it");
                }
            }
        }
        return warnings;
    }
}
