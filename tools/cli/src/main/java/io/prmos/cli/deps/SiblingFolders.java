package io.prmos.cli.deps;

import io.prmos.cli.local.LocalModule;
import io.prmos.cli.local.ModuleFolders;
import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.ManifestLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Module folders beside the given ones (a repository of several modules, like this project's
 * {@code modules/}): a required module is read from its source. Loaded once, on first use.
 */
public final class SiblingFolders implements RequirementSource {

    private final List<LocalModule> modules;
    private Map<String, Found> byName;

    public SiblingFolders(List<LocalModule> modules) {
        this.modules = modules;
    }

    @Override
    public Optional<Found> find(String module) {
        if (byName == null) {
            byName = load();
        }
        return Optional.ofNullable(byName.get(module));
    }

    private Map<String, Found> load() {
        Map<String, Found> out = new LinkedHashMap<>();
        ManifestLoader loader = new ManifestLoader();
        for (LocalModule module : modules) {
            for (LocalModule sibling : ModuleFolders.siblings(module)) {
                LoadResult result = loader.loadFile(sibling.path(), sibling.file());
                if (result instanceof LoadResult.Loaded loaded) {
                    String name = loaded.manifest().manifest().module();
                    out.putIfAbsent(name, new Found(name, loaded.manifest().manifest().version().toString(), result,
                            "../" + sibling.file(), sibling.read().source()));
                }
            }
        }
        return out;
    }
}
