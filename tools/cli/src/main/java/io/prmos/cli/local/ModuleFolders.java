package io.prmos.cli.local;

import io.prmos.cli.CliFailure;
import io.prmos.metadata.load.ManifestLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds manifests in the directories given on the command line. A directory holding a manifest is a
 * module folder; any other directory is a modules root whose sub-folders are module folders.
 */
public final class ModuleFolders {

    private ModuleFolders() {
    }

    public static List<LocalModule> find(List<Path> directories) {
        Map<Path, LocalModule> modules = new LinkedHashMap<>();
        for (Path directory : directories) {
            List<LocalModule> found = in(directory);
            if (found.isEmpty()) {
                throw CliFailure.user(directory + ": no module manifest (" + String.join(", ",
                        ManifestLoader.MANIFEST_FILE_NAMES) + ") here or in its sub-folders");
            }
            found.forEach(m -> modules.putIfAbsent(m.path().toAbsolutePath().normalize(), m));
        }
        return List.copyOf(modules.values());
    }

    /** The module folders beside {@code module} (its parent's other sub-folders), for resolving {@code requires}. */
    public static List<LocalModule> siblings(LocalModule module) {
        Path folder = module.path().toAbsolutePath().normalize().getParent();
        Path root = folder.getParent();
        return root == null ? List.of() : subFolders(root);
    }

    static List<LocalModule> in(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw CliFailure.user(directory + ": not a directory");
        }
        Optional<LocalModule> self = manifestIn(directory);
        return self.map(List::of).orElseGet(() -> subFolders(directory));
    }

    private static List<LocalModule> subFolders(Path root) {
        List<LocalModule> modules = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path folder : children.filter(Files::isDirectory).sorted().toList()) {
                manifestIn(folder).ifPresent(modules::add);
            }
        } catch (IOException e) {
            throw CliFailure.user(root + ": cannot list: " + e.getMessage());
        }
        return modules;
    }

    private static Optional<LocalModule> manifestIn(Path folder) {
        String name = folderName(folder);
        return ManifestLoader.MANIFEST_FILE_NAMES.stream()
                .map(folder::resolve)
                .filter(Files::isRegularFile)
                .findFirst()
                .map(file -> new LocalModule(name + "/" + file.getFileName(), file));
    }

    private static String folderName(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }
}
