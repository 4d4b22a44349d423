package io.prmos.engine.designer;

import io.prmos.engine.registry.ManifestSource;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.ModuleSetCompiler;
import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.load.ManifestProblem;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A draft manifest placed among the installed modules, checked exactly as a publish checks it: the
 * loader (parse, JSON Schema) on the draft, then the semantic checks of the module set in which the
 * draft replaces its installed version. Nothing is written; the compiled catalog exists only in memory.
 */
final class DraftWorkspace {

    private final ManifestSource draft;
    private final LoadResult draftResult;
    private final List<ManifestSource> installed;
    private final ModuleSetCompiler.Result candidate;

    private DraftWorkspace(ManifestSource draft, List<ManifestSource> installed) {
        this.draft = draft;
        this.installed = installed;
        ManifestLoader loader = new ManifestLoader();
        this.draftResult = loader.loadString(draft.source(), draft.file());
        if (draftResult instanceof LoadResult.Loaded loaded) {
            String module = loaded.manifest().manifest().module();
            List<LoadResult> set = new ArrayList<>();
            for (ManifestSource source : installed) {
                LoadResult result = loader.loadString(source.source(), source.file());
                if (!(result instanceof LoadResult.Loaded other && other.manifest().manifest().module().equals(module))) {
                    set.add(result);
                }
            }
            set.add(draftResult);
            this.candidate = new ModuleSetCompiler().compile(set);
        } else {
            this.candidate = null;
        }
    }

    static DraftWorkspace of(ManifestSource draft, List<ManifestSource> installed) {
        return new DraftWorkspace(draft, installed);
    }

    ManifestSource draft() {
        return draft;
    }

    /** Every problem: the draft's own (syntax, schema) or, when it loads, those of the whole candidate set. */
    List<ManifestProblem> problems() {
        return candidate == null ? draftResult.problems() : candidate.problems();
    }

    /** The draft's model, when it passes parsing and the schema (semantic problems may remain). */
    Optional<Manifest> manifest() {
        return draftResult instanceof LoadResult.Loaded loaded ? Optional.of(loaded.manifest().manifest()) : Optional.empty();
    }

    Optional<LoadedManifest> loaded() {
        return draftResult instanceof LoadResult.Loaded loaded ? Optional.of(loaded.manifest()) : Optional.empty();
    }

    /** The compiled candidate catalog, when the whole set is valid. */
    Optional<Catalog> catalog() {
        return candidate == null ? Optional.empty() : candidate.catalog();
    }

    /** The installed (active) manifest of the draft's module, when there is one and it loads. */
    Optional<Manifest> installedManifest() {
        Optional<String> module = manifest().map(Manifest::module);
        if (module.isEmpty()) {
            return Optional.empty();
        }
        ManifestLoader loader = new ManifestLoader();
        for (ManifestSource source : installed) {
            if (loader.loadString(source.source(), source.file()) instanceof LoadResult.Loaded loaded
                    && loaded.manifest().manifest().module().equals(module.get())) {
                return Optional.of(loaded.manifest().manifest());
            }
        }
        return Optional.empty();
    }

    /**
     * An entity as expressions see it: a name of the draft ({@code Deal}), or {@code module.Entity} of the
     * draft or of an installed module (a permission may grant on a required module's entity).
     */
    Optional<EntityDef> entity(String name) {
        Optional<Manifest> own = manifest();
        if (name == null || own.isEmpty()) {
            return Optional.empty();
        }
        int dot = name.indexOf('.');
        if (dot < 0 || name.substring(0, dot).equals(own.get().module())) {
            return Optional.ofNullable(own.get().entities().get(name.substring(dot + 1)));
        }
        String module = name.substring(0, dot);
        String entity = name.substring(dot + 1);
        ManifestLoader loader = new ManifestLoader();
        for (ManifestSource source : installed) {
            if (loader.loadString(source.source(), source.file()) instanceof LoadResult.Loaded loaded
                    && loaded.manifest().manifest().module().equals(module)) {
                return Optional.ofNullable(loaded.manifest().manifest().entities().get(entity));
            }
        }
        return Optional.empty();
    }
}
