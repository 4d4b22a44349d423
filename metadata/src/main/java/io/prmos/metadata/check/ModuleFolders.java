package io.prmos.metadata.check;

import io.prmos.metadata.load.LoadedManifest;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a module's folder is, when the manifest came from one: checks that look at files next to
 * the manifest (the sources of UI extensions under {@code ui/}) run only then. A manifest published
 * as text (the engine's registry) has no folder; its files were checked where it was built.
 */
@FunctionalInterface
public interface ModuleFolders {

    /** No folders known: file checks are skipped. */
    ModuleFolders UNKNOWN = module -> Optional.empty();

    Optional<Path> folderOf(LoadedManifest module);

    /** Source names are paths relative to {@code root} ({@code deals/module.yaml}): the folder is the manifest's parent. */
    static ModuleFolders besideManifest(Path root) {
        return module -> Optional.ofNullable(root.resolve(module.file()).getParent());
    }
}
