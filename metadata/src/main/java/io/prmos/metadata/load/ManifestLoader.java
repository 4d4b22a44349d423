package io.prmos.metadata.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.model.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads module manifests: parse (YAML or JSON, with source locations), validate against the JSON
 * Schema collecting every violation, then map to the model. Never throws for bad input; every
 * problem a user can cause is returned as a located {@link ManifestProblem}.
 */
public final class ManifestLoader {

    /** The file names a module folder may use for its manifest, in order of preference. */
    public static final List<String> MANIFEST_FILE_NAMES = List.of("module.yaml", "module.yml", "module.json");

    /** Loads a manifest file; the problem file name is {@code path} as given. */
    public LoadResult loadFile(Path path) {
        return loadFile(path, path.toString());
    }

    /** Loads a manifest file, naming it {@code sourceName} in problems (e.g. {@code partners/module.yaml}). */
    public LoadResult loadFile(Path path, String sourceName) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return failed(sourceName, Pointer.ROOT, Position.START, "cannot read file: " + e.getMessage());
        }
        return loadString(text, sourceName);
    }

    /** Loads manifest text; it is read as JSON when {@code sourceName} ends in {@code .json}, else as YAML. */
    public LoadResult loadString(String text, String sourceName) {
        boolean yaml = !sourceName.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
        LocatingTreeReader.Document document;
        try {
            document = LocatingTreeReader.read(text, yaml);
        } catch (LocatingTreeReader.UnreadableDocument e) {
            return failed(sourceName, e.pointer, e.position, e.getMessage());
        }
        return validateAndMap(sourceName, document.root(), document.sourceMap());
    }

    /**
     * Loads {@code module.yaml} (or {@code .yml}, {@code .json}) of every folder one level below {@code modulesRoot}, sorted by folder
     * name. Problems are named {@code folder/module.yaml}. A folder without a manifest is skipped.
     */
    public List<LoadResult> loadDirectory(Path modulesRoot) {
        List<LoadResult> results = new ArrayList<>();
        try (Stream<Path> children = Files.list(modulesRoot)) {
            List<Path> folders = children.filter(Files::isDirectory).sorted().toList();
            for (Path folder : folders) {
                manifestIn(folder).ifPresent(file -> results.add(
                        loadFile(file, folder.getFileName() + "/" + file.getFileName())));
            }
        } catch (IOException e) {
            results.add(failed(modulesRoot.toString(), Pointer.ROOT, Position.START,
                    "cannot list modules: " + e.getMessage()));
        }
        return results;
    }

    private static Optional<Path> manifestIn(Path folder) {
        return MANIFEST_FILE_NAMES.stream().map(folder::resolve).filter(Files::isRegularFile).findFirst();
    }

    private static LoadResult validateAndMap(String file, JsonNode root, SourceMap sourceMap) {
        List<ManifestProblem> problems = ManifestSchema.validate(file, root, sourceMap);
        if (!problems.isEmpty()) {
            return new LoadResult.Failed(file, problems);
        }
        try {
            List<ManifestProblem> ruleProblems = new ArrayList<>();
            Manifest manifest = ManifestMapper.map(root, (pointer, message) -> {
                Position at = sourceMap.valueAt(pointer);
                ruleProblems.add(new ManifestProblem(file, at.line(), at.column(), pointer, message));
            });
            return new LoadResult.Loaded(new LoadedManifest(file, manifest, sourceMap, ruleProblems));
        } catch (RuntimeException e) {
            // the schema should make this unreachable; report rather than crash
            return failed(file, Pointer.ROOT, Position.START, "internal error mapping the manifest: " + e);
        }
    }

    private static LoadResult failed(String file, String pointer, Position at, String message) {
        return new LoadResult.Failed(file, List.of(new ManifestProblem(file, at.line(), at.column(), pointer, message)));
    }
}
