package io.prmos.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a command touches outside the JVM: the standard streams, whether a person is at a
 * terminal, and the environment. Tests build one with their own streams and config directory.
 *
 * @param interactive whether stdin and stdout are a terminal, so a confirmation may be asked
 */
public record CliContext(PrintStream out, PrintStream err, BufferedReader in, boolean interactive,
                         Map<String, String> env) {

    public static CliContext system() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new CliContext(out, err, in, System.console() != null, System.getenv());
    }

    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }

    /** {@code $XDG_CONFIG_HOME/prm}, by default {@code ~/.config/prm}. */
    public Path configDirectory() {
        Path base = env("XDG_CONFIG_HOME").map(Path::of)
                .orElseGet(() -> Path.of(env("HOME").orElse(System.getProperty("user.home")), ".config"));
        return base.resolve("prm");
    }
}
