package io.prmos.cli.ui;

import io.prmos.cli.CliFailure;
import io.prmos.cli.local.LocalModule;
import io.prmos.cli.render.Output;
import io.prmos.metadata.load.LoadedManifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The UI builds of a set of validated modules: each module declaring pages or widgets is built from
 * its ui/ folder (a manifest without one beside it is skipped with a warning); warnings are printed,
 * errors fail the command (exit 1) with one line per problem.
 */
public final class ModuleUis {

    private ModuleUis() {
    }

    /** The built bundles by manifest file ({@code folder/module.yaml}); modules without extensions are absent. */
    public static Map<String, UiBuild.Result> build(UiBuild builder, List<LocalModule> modules, List<LoadedManifest> manifests, Output output) {
        Map<String, UiBuild.Result> out = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (LocalModule module : modules) {
            LoadedManifest manifest = manifests.stream().filter(m -> m.file().equals(module.file())).findFirst().orElse(null);
            if (manifest == null || !UiBuild.declaresExtensions(manifest)) {
                continue;
            }
            java.nio.file.Path folder = module.path().getParent();
            if (!java.nio.file.Files.isDirectory(folder.resolve(io.prmos.metadata.model.ModuleUi.SOURCE_FOLDER))) {
                // A manifest away from its sources (a copy, a pulled contract): nothing to build here; a publish
                // without a bundle keeps the one the engine has for the module.
                output.line("warning: " + module.file() + ": declares UI extensions but has no ui/ folder here: not built");
                continue;
            }
            UiBuild.Result result = builder.build(manifest.manifest().module(), folder);
            result.warnings().forEach(w -> output.line("warning: " + w));
            errors.addAll(result.errors());
            if (result.ok()) {
                output.line("  built the UI of " + result.module() + " (" + result.bundle().length() / 1024 + " KiB, " + result.hash() + ")");
                out.put(module.file(), result);
            }
        }
        if (!errors.isEmpty()) {
            throw CliFailure.user(errors);
        }
        return out;
    }
}
