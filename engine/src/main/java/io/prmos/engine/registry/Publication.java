package io.prmos.engine.registry;

import io.prmos.engine.schema.DatabaseSnapshot;
import io.prmos.engine.schema.EvolutionPlanner;
import io.prmos.engine.schema.MigrationPlan;
import io.prmos.engine.schema.MigrationStep;
import io.prmos.engine.schema.RegistryRows.StoredVersion;
import io.prmos.engine.schema.SchemaPlanner;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.ModuleSetCompiler;
import io.prmos.metadata.diff.ChangeClass;
import io.prmos.metadata.diff.ChangeSet;
import io.prmos.metadata.diff.ManifestDiff;
import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.model.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One publish, computed before anything is written: the candidate module set (installed modules
 * with the submitted ones replacing theirs), every problem or refusal, the change set of each
 * changed module and, given a snapshot of the database, the migration plan.
 */
final class Publication {

    private final Map<String, StoredVersion> installed;
    private final Map<String, StoredVersion> submitted;
    private final Map<String, ChangeSet> changes = new LinkedHashMap<>();
    private final Catalog installedCatalog;
    private final Catalog candidateCatalog;
    private final ModuleSetCompiler.Result candidate;

    private Publication(Map<String, StoredVersion> installed, Map<String, StoredVersion> submitted,
                        Catalog installedCatalog, ModuleSetCompiler.Result candidate) {
        this.installed = installed;
        this.submitted = submitted;
        this.installedCatalog = installedCatalog;
        this.candidateCatalog = candidate.catalog().orElseThrow();
        this.candidate = candidate;
    }

    /** Validates and classifies; throws {@link PublishException} when anything is invalid or refused. */
    static Publication prepare(List<StoredVersion> installedRows, List<ManifestSource> sources, String actor) {
        Map<String, StoredVersion> installed = byModule(installedRows);
        Map<String, StoredVersion> submitted = byModule(parse(sources, actor));
        ModuleSetCompiler.Result before = compile(installed.values());
        Map<String, StoredVersion> candidate = new LinkedHashMap<>(installed);
        candidate.putAll(submitted);
        // Nothing new (a restart, a resubmission): the candidate set is the installed one, compiled once.
        ModuleSetCompiler.Result after = sameSources(installed, candidate) ? before : compile(candidate.values());
        if (!after.ok()) {
            throw PublishException.invalid(after.problems());
        }
        Publication publication = new Publication(installed, submitted, before.catalog().orElse(Catalog.empty()), after);
        publication.classify(before, after);
        return publication;
    }

    /** A rollback: the previous version replaces the current one, classified by {@link Rollback} instead of the version rules. */
    static Publication forRollback(List<StoredVersion> installedRows, StoredVersion previous,
                                   ModuleSetCompiler.Result before, ModuleSetCompiler.Result after) {
        Map<String, StoredVersion> submitted = new LinkedHashMap<>();
        submitted.put(previous.module(), previous);
        Publication publication = new Publication(byModule(installedRows), submitted, before.catalog().orElse(Catalog.empty()), after);
        ChangeSet back = ManifestDiff.compare(manifest(before, previous.module()), manifest(after, previous.module()));
        publication.changes.put(previous.module(), new ChangeSet(back.changes().stream().map(Publication::asRollback).toList(),
                back.verdict(), back.refusals(), back.schemaChanged()));
        return publication;
    }

    /** A rollback drops nothing: what the older version lacks stays in storage. */
    private static io.prmos.metadata.diff.Change asRollback(io.prmos.metadata.diff.Change change) {
        boolean kept = change.kind() == io.prmos.metadata.diff.ChangeKind.FIELD_REMOVED
                || change.kind() == io.prmos.metadata.diff.ChangeKind.ENTITY_REMOVED;
        return kept ? new io.prmos.metadata.diff.Change(change.kind(), change.target(), change.classification(),
                "not in the earlier version; its storage and data are kept (a rollback drops nothing)", true) : change;
    }

    private void classify(ModuleSetCompiler.Result before, ModuleSetCompiler.Result after) {
        List<String> refusals = new ArrayList<>();
        for (StoredVersion version : submitted.values()) {
            StoredVersion current = installed.get(version.module());
            if (current != null && current.checksum().equals(version.checksum())) {
                continue;
            }
            Manifest from = current == null ? null : manifest(before, version.module());
            ChangeSet set = ManifestDiff.compare(from, manifest(after, version.module()));
            changes.put(version.module(), set);
            set.refusals().forEach(r -> refusals.add(version.module() + ": " + r));
        }
        if (!refusals.isEmpty()) {
            throw PublishException.refused(refusals);
        }
    }

    MigrationPlan plan(DatabaseSnapshot snapshot, String dataRole) {
        List<MigrationStep> steps = new ArrayList<>();
        EvolutionPlanner evolution = new EvolutionPlanner();
        for (Map.Entry<String, ChangeSet> entry : changes.entrySet()) {
            String suffix = "v" + submitted.get(entry.getKey()).version().replaceAll("[^0-9a-z]", "_");
            steps.addAll(evolution.plan(installedCatalog.module(entry.getKey()).orElse(null),
                    candidateCatalog.module(entry.getKey()).orElseThrow(), entry.getValue(), suffix));
        }
        steps = new ArrayList<>(io.prmos.engine.schema.SearchVectors.beforeEvolution(steps, snapshot));
        steps.addAll(new SchemaPlanner(dataRole).plan(candidateCatalog, snapshot.after(steps)).steps());
        return new MigrationPlan(steps);
    }

    PublishOutcome outcome(MigrationPlan plan, boolean dryRun, boolean applied) {
        List<PublishOutcome.ModuleOutcome> modules = new ArrayList<>();
        for (StoredVersion version : submitted.values()) {
            ChangeSet set = changes.get(version.module());
            StoredVersion current = installed.get(version.module());
            List<String> sql = new ArrayList<>();
            MigrationPlan own = new MigrationPlan(plan.steps().stream().filter(s -> s.schema().equals(version.module())).toList());
            sql.addAll(own.statements());
            modules.add(new PublishOutcome.ModuleOutcome(version.module(), current == null ? null : current.version(),
                    version.version(), classification(set), set == null ? List.of() : set.changes(), sql,
                    DependentWarnings.of(installedCatalog, version.module(), set)));
        }
        return new PublishOutcome(dryRun, applied, modules);
    }

    /** Modules whose stored version changes (unchanged resubmissions are skipped). */
    List<StoredVersion> changedVersions() {
        return submitted.values().stream().filter(v -> changes.containsKey(v.module())).toList();
    }

    Catalog candidateCatalog() {
        return candidateCatalog;
    }

    /** The candidate set as compiled, with each manifest's source locations (the certification checks need them). */
    ModuleSetCompiler.Result candidateResult() {
        return candidate;
    }

    Map<String, StoredVersion> candidateVersions() {
        Map<String, StoredVersion> all = new LinkedHashMap<>(installed);
        all.putAll(submitted);
        return all;
    }

    private static String classification(ChangeSet set) {
        if (set == null || set.changes().isEmpty()) {
            return "none";
        }
        if (set.changes().stream().anyMatch(c -> c.classification() == ChangeClass.BREAKING)) {
            return "breaking";
        }
        return set.schemaChanged() ? "additive" : "cosmetic";
    }


    /** The submitted manifests as versions to store; every problem of every file is reported. */
    private static List<StoredVersion> parse(List<ManifestSource> sources, String actor) {
        ManifestLoader loader = new ManifestLoader();
        List<io.prmos.metadata.load.ManifestProblem> problems = new ArrayList<>();
        List<StoredVersion> versions = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (ManifestSource source : sources) {
            LoadResult result = loader.loadString(source.source(), source.file());
            problems.addAll(result.problems());
            if (result instanceof LoadResult.Loaded loaded) {
                Manifest m = loaded.manifest().manifest();
                if (!seen.add(m.module())) {
                    problems.add(new io.prmos.metadata.load.ManifestProblem(source.file(), 1, 1, "/module",
                            "module '" + m.module() + "' is submitted twice"));
                }
                versions.add(new StoredVersion(m.module(), m.version().toString(), source.file(), source.source(),
                        ModulePublisher.sha256(source.source()), "active", java.time.OffsetDateTime.now(), actor));
            }
        }
        if (!problems.isEmpty()) {
            throw PublishException.invalid(problems);
        }
        return versions;
    }

    static ModuleSetCompiler.Result compile(Iterable<StoredVersion> versions) {
        List<LoadResult> results = new ArrayList<>();
        ManifestLoader loader = new ManifestLoader();
        for (StoredVersion v : versions) {
            results.add(loader.loadString(v.source(), v.file()));
        }
        return new ModuleSetCompiler().compile(results);
    }

    private static boolean sameSources(Map<String, StoredVersion> installed, Map<String, StoredVersion> candidate) {
        return installed.size() == candidate.size() && candidate.values().stream()
                .allMatch(v -> installed.containsKey(v.module()) && installed.get(v.module()).checksum().equals(v.checksum()));
    }

    private static Manifest manifest(ModuleSetCompiler.Result result, String module) {
        return result.manifests().stream().map(LoadedManifest::manifest).filter(m -> m.module().equals(module))
                .findFirst().orElseThrow();
    }

    private static Map<String, StoredVersion> byModule(List<StoredVersion> rows) {
        Map<String, StoredVersion> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.module(), r));
        return out;
    }
}
