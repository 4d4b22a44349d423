package io.prmos.metadata.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.load.ManifestProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The sample modules of the repository, and a one-stop "load and check within the samples" helper. */
final class ModuleSetFixture {

    static final Path MODULES = Path.of("..", "modules");
    /** Bad manifests sit in bad/ and share bad/ui/ as the folder of their extensions' sources. */
    static final Path RESOURCES = Path.of("src", "test", "resources");
    static final ModuleFolders FOLDERS = module -> java.util.Optional.of(
            (module.file().startsWith("bad/") ? RESOURCES : MODULES).resolve(module.file()).getParent());

    private ModuleSetFixture() {
    }

    static List<LoadedManifest> samples() {
        List<LoadedManifest> loaded = new ArrayList<>();
        for (LoadResult result : new ManifestLoader().loadDirectory(MODULES)) {
            assertEquals(List.of(), result.problems(), result.file());
            loaded.add(((LoadResult.Loaded) result).manifest());
        }
        return loaded;
    }

    /** Schema problems if the file does not load; otherwise semantic problems of samples + this file. */
    static List<ManifestProblem> problemsOf(String text, String sourceName) {
        LoadResult result = new ManifestLoader().loadString(text, sourceName);
        if (result instanceof LoadResult.Loaded loaded) {
            List<LoadedManifest> set = new ArrayList<>(samples());
            set.add(loaded.manifest());
            return new SemanticChecker(FOLDERS).check(set);
        }
        return result.problems();
    }
}
