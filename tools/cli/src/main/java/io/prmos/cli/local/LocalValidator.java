package io.prmos.cli.local;

import io.prmos.cli.deps.RequirementSource;
import io.prmos.cli.deps.Requirements;
import io.prmos.metadata.catalog.ModuleSetCompiler;
import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.load.ManifestProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validates manifests offline with the same loader and module-set checks the engine runs. */
public final class LocalValidator {

    /**
     * The modules that were checked (name and version) or every problem found in them.
     *
     * @param required the required modules that came from outside the set (lock, siblings, server), by name
     */
    public record Outcome(List<LoadedManifest> modules, List<ManifestProblem> problems,
                          Map<String, RequirementSource.Found> required) {
        public boolean ok() {
            return problems.isEmpty();
        }

        /** Every manifest of the compiled set by module name, the required ones included (for the certification checks). */
        public Map<String, LoadedManifest> set() {
            Map<String, LoadedManifest> set = new LinkedHashMap<>();
            required.values().forEach(f -> {
                if (f.result() instanceof LoadResult.Loaded loaded) {
                    set.put(f.module(), loaded.manifest());
                }
            });
            modules.forEach(m -> set.put(m.manifest().module(), m));
            return set;
        }
    }

    private final ManifestLoader loader = new ManifestLoader();

    /** Checks exactly the given set: every {@code requires} must be satisfied inside it. */
    public Outcome validate(List<LocalModule> modules) {
        return validate(modules, new Requirements(List.of()));
    }

    /**
     * Checks the given modules, completing the set with the modules they require from {@code requirements}
     * (a lock's contracts, sibling folders, a server's registry). Only problems of the given files are
     * reported, and only the given modules are listed; required modules are never published.
     */
    public Outcome validate(List<LocalModule> modules, Requirements requirements) {
        Map<String, LoadResult> given = new LinkedHashMap<>();
        modules.forEach(m -> given.put(m.file(), loader.loadFile(m.path(), m.file())));
        Map<String, RequirementSource.Found> required = requirements.complete(List.copyOf(given.values()));
        List<LoadResult> all = new ArrayList<>(given.values());
        required.values().forEach(f -> all.add(f.result()));
        ModuleSetCompiler.Result result = new ModuleSetCompiler().compile(all);
        List<ManifestProblem> problems = new ArrayList<>(result.problems().stream().filter(p -> given.containsKey(p.file())).toList());
        // A broken contract (an edited lock) is reported too: the module cannot be checked against it.
        required.values().forEach(f -> problems.addAll(f.result().problems()));
        List<LoadedManifest> checked = result.manifests().stream().filter(m -> given.containsKey(m.file())).toList();
        return new Outcome(checked, problems, required);
    }
}
