package io.prmos.cli.local;

import io.prmos.metadata.catalog.ModuleSetCompiler;
import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.load.ManifestProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates manifests offline with the same loader and module-set checks the engine runs. */
public final class LocalValidator {

    /** The modules that were checked (name and version) or every problem found. */
    public record Outcome(List<LoadedManifest> modules, List<ManifestProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final ManifestLoader loader = new ManifestLoader();

    /** Checks exactly the given set: every {@code requires} must be satisfied inside it. */
    public Outcome validate(List<LocalModule> modules) {
        List<LoadResult> results = modules.stream().map(m -> loader.loadFile(m.path(), m.file())).toList();
        ModuleSetCompiler.Result result = new ModuleSetCompiler().compile(results);
        return new Outcome(result.manifests(), result.problems());
    }

    /**
     * Checks the given modules, borrowing required modules that are not in the set from sibling
     * folders (publishing {@code modules/partners} alone still resolves {@code organizations}). Only
     * problems of the given files are reported; borrowed modules are not published.
     */
    public Outcome validateForPublish(List<LocalModule> modules) {
        Map<String, LoadResult> given = new LinkedHashMap<>();
        modules.forEach(m -> given.put(m.file(), loader.loadFile(m.path(), m.file())));
        List<LoadResult> all = new ArrayList<>(given.values());
        all.addAll(borrowed(modules, given));
        ModuleSetCompiler.Result result = new ModuleSetCompiler().compile(all);
        List<ManifestProblem> problems = result.problems().stream().filter(p -> given.containsKey(p.file())).toList();
        List<LoadedManifest> checked = result.manifests().stream().filter(m -> given.containsKey(m.file())).toList();
        return new Outcome(checked, problems);
    }

    private List<LoadResult> borrowed(List<LocalModule> modules, Map<String, LoadResult> given) {
        Set<String> present = new HashSet<>();
        given.values().forEach(r -> moduleName(r).ifPresent(present::add));
        Set<String> seen = new HashSet<>(given.keySet());
        List<LoadResult> borrowed = new ArrayList<>();
        for (LocalModule module : modules) {
            for (LocalModule sibling : ModuleFolders.siblings(module)) {
                if (seen.add(sibling.file())) {
                    LoadResult result = loader.loadFile(sibling.path(), sibling.file());
                    moduleName(result).filter(present::add).ifPresent(name -> borrowed.add(result));
                }
            }
        }
        return borrowed;
    }

    private static java.util.Optional<String> moduleName(LoadResult result) {
        if (result instanceof LoadResult.Loaded loaded) {
            return java.util.Optional.of(loaded.manifest().manifest().module());
        }
        return java.util.Optional.empty();
    }
}
