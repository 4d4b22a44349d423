package io.prmos.engine.registry;

import io.prmos.engine.schema.DatabaseSnapshot;
import io.prmos.engine.schema.EvolutionPlanner;
import io.prmos.engine.schema.MigrationPlan;
import io.prmos.engine.schema.MigrationStep;
import io.prmos.engine.schema.RegistryRows.StoredVersion;
import io.prmos.engine.schema.SchemaPlanner;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.catalog.ModuleSetCompiler;
import io.prmos.metadata.diff.Change;
import io.prmos.metadata.diff.ChangeKind;
import io.prmos.metadata.diff.ChangeSet;
import io.prmos.metadata.diff.ManifestDiff;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.model.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Going back to the version that was active before the current one, with its own plan: fields
 * and entities the current version removed come back from their archive; columns the current
 * version made NOT NULL (or added as required) are relaxed so the older catalog can write rows;
 * storage the current version added stays (nothing is dropped). Renames are not reversed
 * automatically: such a rollback is refused.
 */
final class Rollback {

    private final Publication publication;
    private final ChangeSet forward;
    private final ModuleDescriptor previousModule;
    private final ModuleDescriptor currentModule;
    private final String currentSuffix;

    private Rollback(Publication publication, ChangeSet forward, ModuleDescriptor previousModule, ModuleDescriptor currentModule,
                     String currentSuffix) {
        this.publication = publication;
        this.forward = forward;
        this.previousModule = previousModule;
        this.currentModule = currentModule;
        this.currentSuffix = currentSuffix;
    }

    /** {@code actor} becomes the restored version's installer: who made it active now, not who published it first. */
    static Rollback prepare(List<StoredVersion> installed, List<StoredVersion> history, String module, String actor) {
        StoredVersion current = installed.stream().filter(v -> v.module().equals(module)).findFirst()
                .orElseThrow(() -> PublishException.notFound("module '" + module + "' is not installed"));
        StoredVersion earlier = history.stream().filter(v -> !v.version().equals(current.version()) && !"active".equals(v.status()))
                .findFirst().orElseThrow(() -> PublishException.refused(List.of(module + ": there is no earlier version to roll back to")));
        StoredVersion previous = new StoredVersion(earlier.module(), earlier.version(), earlier.file(), earlier.source(),
                earlier.checksum(), earlier.status(), earlier.installedAt(), actor);
        ModuleSetCompiler.Result before = Publication.compile(installed);
        Map<String, StoredVersion> candidate = new LinkedHashMap<>();
        installed.forEach(v -> candidate.put(v.module(), v));
        candidate.put(module, previous);
        ModuleSetCompiler.Result after = Publication.compile(candidate.values());
        if (!after.ok()) {
            throw PublishException.invalid(after.problems());
        }
        ChangeSet forward = ManifestDiff.compare(manifest(after, module), manifest(before, module));
        List<String> refusals = new ArrayList<>();
        for (Change change : forward.changes()) {
            if (change.kind() == ChangeKind.FIELD_RENAMED || change.kind() == ChangeKind.ENTITY_RENAMED) {
                refusals.add(module + ": " + change.target() + " was renamed in " + current.version()
                        + "; a rollback does not reverse renames — publish a new major version with renamedFrom instead");
            }
        }
        if (!refusals.isEmpty()) {
            throw PublishException.refused(refusals);
        }
        Publication publication = Publication.forRollback(installed, previous, before, after);
        return new Rollback(publication, forward, after.catalog().orElseThrow().module(module).orElseThrow(),
                before.catalog().orElseThrow().module(module).orElseThrow(), "v" + current.version().replaceAll("[^0-9a-z]", "_"));
    }

    Publication publication() {
        return publication;
    }

    MigrationPlan plan(DatabaseSnapshot snapshot, String dataRole) {
        List<MigrationStep> steps = new ArrayList<>();
        for (Change change : forward.changes()) {
            String[] target = change.target().split("\\.", 2);
            if (change.kind() == ChangeKind.ENTITY_REMOVED) {
                EntityDescriptor entity = previousModule.entitiesByName().get(target[0]);
                String archive = EvolutionPlanner.archived(entity.table(), currentSuffix);
                if (snapshot.columnsByTable().containsKey(DatabaseSnapshot.key(entity.schema(), archive))) {
                    steps.add(new MigrationStep.RenameTable(entity.schema(), archive, entity.table()));
                }
            } else if (change.kind() == ChangeKind.FIELD_REMOVED && target.length == 2) {
                EntityDescriptor entity = previousModule.entitiesByName().get(target[0]);
                FieldDescriptor field = entity.field(target[1]).orElseThrow();
                for (String column : field.columns()) {
                    String archive = EvolutionPlanner.archived(column, currentSuffix);
                    if (snapshot.columnsByTable().getOrDefault(DatabaseSnapshot.key(entity.schema(), entity.table()), java.util.Set.of())
                            .contains(archive)) {
                        steps.add(new MigrationStep.RenameColumn(entity.schema(), entity.table(), archive, column));
                    }
                }
            } else if ((change.kind() == ChangeKind.FIELD_ADDED || change.kind() == ChangeKind.FIELD_MADE_REQUIRED) && target.length == 2) {
                EntityDescriptor entity = currentModule.entitiesByName().get(target[0]);
                FieldDescriptor field = entity.field(target[1]).orElseThrow();
                if (field.def().required()) {
                    field.columns().forEach(c -> steps.add(new MigrationStep.DropNotNull(entity.schema(), entity.table(), c)));
                }
            }
        }
        steps.addAll(new SchemaPlanner(dataRole).plan(publication.candidateCatalog(), snapshot.after(steps)).steps());
        return new MigrationPlan(steps);
    }

    private static Manifest manifest(ModuleSetCompiler.Result result, String module) {
        return result.manifests().stream().map(LoadedManifest::manifest).filter(m -> m.module().equals(module))
                .findFirst().orElseThrow();
    }

}
