package io.prmos.cli.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prmos.cli.CliFailure;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.model.ModuleUi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ui-runtime/tools/build-extensions.mjs} with Node on a module folder. The script is
 * found through {@code PRM_UI_RUNTIME} (the ui-runtime folder) or above the module folder or the
 * working directory; it writes {@code ui/dist/extension.js} and answers one JSON line.
 */
public final class UiBuild {

    public static final String SCRIPT = "tools/build-extensions.mjs";
    public static final String BUNDLE = "ui/dist/extension.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A built (or refused) module UI: the bundle's text when built, warnings and errors as one-line reasons. */
    public record Result(String module, String bundle, String hash, List<String> warnings, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final String env;

    /** @param uiRuntime the ui-runtime folder ({@code PRM_UI_RUNTIME}), or null to look above the module and the working directory */
    public UiBuild(String uiRuntime) {
        this.env = uiRuntime;
    }

    /** Whether the manifest declares extensions, which then must be built. */
    public static boolean declaresExtensions(LoadedManifest manifest) {
        ModuleUi ui = manifest.manifest().ui();
        return ui != null && (!ui.pages().isEmpty() || !ui.widgets().isEmpty());
    }

    /** Builds the module in {@code folder}; a problem with the module's UI is in the result, a missing tool is a failure. */
    public Result build(String module, Path folder) {
        Path script = script(folder).orElseThrow(() -> CliFailure.user(module + ": cannot build the module's UI: "
                + SCRIPT + " of ui-runtime not found above " + folder.toAbsolutePath() + " (set PRM_UI_RUNTIME to the ui-runtime folder)"));
        List<String> command = List.of("node", script.toString(), folder.toAbsolutePath().toString(), "--json");
        try {
            Process process = new ProcessBuilder(command).directory(script.getParent().getParent().toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw CliFailure.user(module + ": the UI build did not finish within 5 minutes");
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            String last = text.isEmpty() ? "" : text.substring(text.lastIndexOf('\n') + 1);
            if (!last.startsWith("{")) {
                throw CliFailure.user(module + ": the UI build failed (node exited with " + process.exitValue() + ")");
            }
            JsonNode answer = JSON.readTree(last);
            List<String> errors = strings(answer.path("errors"));
            String bundle = answer.path("built").asBoolean() ? Files.readString(folder.resolve(BUNDLE), StandardCharsets.UTF_8) : null;
            if (errors.isEmpty() && bundle == null) {
                errors = List.of(module + ": the UI build produced no bundle");
            }
            return new Result(module, bundle, answer.path("hash").asText(null), strings(answer.path("warnings")), errors);
        } catch (IOException e) {
            throw CliFailure.user(module + ": cannot run node to build the module's UI: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.user(module + ": the UI build was interrupted");
        }
    }

    Optional<Path> script(Path folder) {
        if (env != null && !env.isBlank()) {
            Path candidate = Path.of(env).resolve(SCRIPT);
            return Files.isRegularFile(candidate) ? Optional.of(candidate.toAbsolutePath()) : Optional.empty();
        }
        for (Path start : List.of(folder.toAbsolutePath(), Path.of("").toAbsolutePath())) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("ui-runtime").resolve(SCRIPT);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate.normalize());
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
