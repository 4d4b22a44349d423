package io.prmos.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs {@code prm} in-process with captured streams and its own config directory. */
final class CliRun {

    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path configHome;
    private boolean interactive;
    private String stdin = "";

    CliRun(Path configHome) {
        this.configHome = configHome;
    }

    CliRun interactive(String typed) {
        this.interactive = true;
        this.stdin = typed;
        return this;
    }

    CliRun stdin(String typed) {
        this.stdin = typed;
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new BufferedReader(new StringReader(stdin)),
                interactive,
                Map.of("XDG_CONFIG_HOME", configHome.toString(), "HOME", configHome.toString()));
        int code = Prm.run(context, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
