package io.prmos.cli.kernel;

import io.prmos.cli.CliFailure;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the packaged engine ({@code quarkus-app/quarkus-run.jar}): the {@code --engine} option, else
 * {@code $PRM_ENGINE_JAR}, else — in the current folder or a parent of it, then beside the CLI's jar or
 * above it — an engine unpacked into the prm distribution ({@code prm/engine/quarkus-app}) or the
 * {@code engine/target/quarkus-app} of a PRM OS checkout the CLI was built in.
 */
public final class EngineJar {

    static final String RELATIVE = "engine/target/quarkus-app/quarkus-run.jar";

    /** Where the distribution's README tells a module team to unpack the engine: {@code prm/engine/}. */
    static final String DISTRIBUTED = "engine/quarkus-app/quarkus-run.jar";

    private EngineJar() {
    }

    public static Path find(Path option, Optional<String> env) {
        if (option != null) {
            return existing(option, "--engine");
        }
        if (env.isPresent()) {
            return existing(Path.of(env.get()), "PRM_ENGINE_JAR");
        }
        List<Path> tried = new ArrayList<>();
        for (Path start : starts()) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                for (String relative : List.of(DISTRIBUTED, RELATIVE)) {
                    Path candidate = dir.resolve(relative);
                    tried.add(candidate);
                    if (Files.isRegularFile(candidate)) {
                        return candidate;
                    }
                }
            }
        }
        throw CliFailure.user("no engine to test against: pass --engine PATH/quarkus-app/quarkus-run.jar or set PRM_ENGINE_JAR"
                + " (looked for " + DISTRIBUTED + " and " + RELATIVE + " above " + starts() + ")");
    }

    private static List<Path> starts() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            Path cli = Path.of(EngineJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            starts.add(cli.toAbsolutePath());
        } catch (URISyntaxException | RuntimeException e) {
            // running from an unusual class loader: the other places still apply
        }
        return starts;
    }

    private static Path existing(Path jar, String from) {
        if (!Files.isRegularFile(jar)) {
            throw CliFailure.user(from + " names " + jar + ", which is not a file (expected .../quarkus-app/quarkus-run.jar)");
        }
        return jar.toAbsolutePath();
    }
}
