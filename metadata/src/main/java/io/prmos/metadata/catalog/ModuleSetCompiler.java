package io.prmos.metadata.catalog;

import io.prmos.metadata.check.ModuleFolders;
import io.prmos.metadata.check.SemanticChecker;
import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.load.ManifestProblem;
import io.prmos.metadata.model.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole front end for a set of modules: load every manifest, check them together, and compile
 * them in dependency order. Every problem of every file is reported; nothing compiles unless all pass.
 */
public final class ModuleSetCompiler {

    /** A compiled catalog with the manifests it came from, or every problem found. */
    public record Result(Optional<Catalog> catalog, List<LoadedManifest> manifests, List<ManifestProblem> problems) {
        public boolean ok() {
            return catalog.isPresent();
        }
    }

    /** Compiles the modules of a folder; files their manifests name (UI extension entries) are checked there. */
    public Result compileDirectory(Path modulesRoot) {
        return compile(new ManifestLoader().loadDirectory(modulesRoot), ModuleFolders.besideManifest(modulesRoot));
    }

    public Result compile(List<LoadResult> results) {
        return compile(results, ModuleFolders.UNKNOWN);
    }

    public Result compile(List<LoadResult> results, ModuleFolders folders) {
        List<ManifestProblem> problems = new ArrayList<>();
        List<LoadedManifest> loaded = new ArrayList<>();
        for (LoadResult result : results) {
            problems.addAll(result.problems());
            if (result instanceof LoadResult.Loaded l) {
                loaded.add(l.manifest());
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(new SemanticChecker(folders).check(loaded));
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), loaded, problems);
        }
        List<Manifest> ordered = dependencyOrder(loaded.stream().map(LoadedManifest::manifest).toList());
        return new Result(Optional.of(new CatalogCompiler().compile(ordered)), loaded, List.of());
    }

    /** Required modules before the modules that require them (the checker has refused cycles). */
    static List<Manifest> dependencyOrder(List<Manifest> manifests) {
        Map<String, Manifest> byName = new LinkedHashMap<>();
        manifests.stream().sorted(java.util.Comparator.comparing(Manifest::module)).forEach(m -> byName.put(m.module(), m));
        List<Manifest> ordered = new ArrayList<>();
        java.util.Set<String> visited = new java.util.HashSet<>();
        for (Manifest m : byName.values()) {
            visit(m, byName, visited, ordered);
        }
        return ordered;
    }

    private static void visit(Manifest m, Map<String, Manifest> byName, java.util.Set<String> visited, List<Manifest> out) {
        if (!visited.add(m.module())) {
            return;
        }
        for (String required : m.requires().keySet()) {
            Manifest dependency = byName.get(required);
            if (dependency != null) {
                visit(dependency, byName, visited, out);
            }
        }
        out.add(m);
    }
}
