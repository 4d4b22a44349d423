package io.prmos.metadata.check;

import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.Manifest;
import io.prmos.metadata.model.VersionRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code requires}: ranges parse, name modules of the set in a satisfying version, and form no cycle. */
final class DependencyRules {

    private DependencyRules() {
    }

    static void check(List<LoadedManifest> modules, Map<String, LoadedManifest> byName, Problems problems) {
        for (LoadedManifest module : modules) {
            module.manifest().requires().forEach((name, range) -> checkRequirement(module, name, range, byName, problems));
        }
        reportCycles(byName, problems);
    }

    private static void checkRequirement(LoadedManifest module, String name, String rangeText,
                                         Map<String, LoadedManifest> byName, Problems problems) {
        String pointer = Pointer.of("requires", name);
        if (name.equals(module.manifest().module())) {
            problems.atKey(module, pointer, "module '" + name + "' cannot require itself");
            return;
        }
        Optional<VersionRange> range = VersionRange.parse(rangeText);
        if (range.isEmpty()) {
            problems.atValue(module, pointer, "'" + rangeText + "' is not a valid version range (e.g. ^1.2, ~1.2.3, >=1.0.0 <2.0.0)");
        }
        LoadedManifest required = byName.get(name);
        if (required == null) {
            problems.atKey(module, pointer, "required module '" + name + "' is not in the module set");
        } else if (range.isPresent() && !range.get().includes(required.manifest().version())) {
            problems.atValue(module, pointer, "requires " + name + " " + rangeText
                    + " but the module set has " + name + " " + required.manifest().version());
        }
    }

    /** Reports each cycle once, at the {@code requires} entry of the first module (in set order) on it. */
    private static void reportCycles(Map<String, LoadedManifest> byName, Problems problems) {
        Set<String> reported = new HashSet<>();
        for (String start : byName.keySet()) {
            findCycle(start, byName, new ArrayList<>()).ifPresent(cycle -> {
                if (reported.add(String.join(",", cycle.stream().distinct().sorted().toList()))) {
                    LoadedManifest first = byName.get(cycle.get(0));
                    problems.atKey(first, Pointer.of("requires", cycle.get(1)),
                            "dependency cycle: " + String.join(" -> ", cycle));
                }
            });
        }
    }

    private static Optional<List<String>> findCycle(String module, Map<String, LoadedManifest> byName, List<String> path) {
        if (!path.isEmpty() && module.equals(path.get(0))) {
            List<String> cycle = new ArrayList<>(path);
            cycle.add(module);
            return Optional.of(cycle);
        }
        LoadedManifest loaded = byName.get(module);
        if (loaded == null || path.contains(module)) {
            return Optional.empty();
        }
        path.add(module);
        Manifest manifest = loaded.manifest();
        for (String next : manifest.requires().keySet()) {
            if (!next.equals(module)) {
                Optional<List<String>> cycle = findCycle(next, byName, path);
                if (cycle.isPresent()) {
                    return cycle;
                }
            }
        }
        path.remove(path.size() - 1);
        return Optional.empty();
    }
}
