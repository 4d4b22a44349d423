package io.prmos.cli.deps;

import io.prmos.metadata.load.LoadResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Completes a module set: every module a member requires, directly or through another required
 * module, is looked up in the sources in order (the first that has it wins). Modules nobody has are
 * left out, so the compiler reports them where they are required, with file, line and pointer.
 */
public final class Requirements {

    private final List<RequirementSource> sources;

    public Requirements(List<RequirementSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The required modules found for the given load results, by module name, in discovery order. */
    public Map<String, RequirementSource.Found> complete(List<LoadResult> given) {
        Set<String> present = new LinkedHashSet<>();
        List<LoadResult> pending = new ArrayList<>();
        for (LoadResult result : given) {
            name(result).ifPresent(present::add);
            pending.add(result);
        }
        Map<String, RequirementSource.Found> found = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            LoadResult next = pending.remove(0);
            for (String required : requires(next)) {
                if (present.add(required)) {
                    lookUp(required).ifPresent(f -> {
                        found.put(required, f);
                        pending.add(f.result());
                    });
                }
            }
        }
        return found;
    }

    private Optional<RequirementSource.Found> lookUp(String module) {
        for (RequirementSource source : sources) {
            Optional<RequirementSource.Found> found = source.find(module);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Set<String> requires(LoadResult result) {
        return result instanceof LoadResult.Loaded loaded ? loaded.manifest().manifest().requires().keySet() : Set.of();
    }

    private static Optional<String> name(LoadResult result) {
        return result instanceof LoadResult.Loaded loaded ? Optional.of(loaded.manifest().manifest().module()) : Optional.empty();
    }
}
