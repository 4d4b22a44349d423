package io.prmos.cli;

import java.util.List;

/**
 * A failure the user sees as one or more single-line messages on stderr and an exit code: {@link
 * ExitCodes#USER_ERROR} for something the user can fix (an invalid manifest, a refused change, a bad
 * argument), {@link ExitCodes#SERVER_ERROR} for the server or the network.
 */
public final class CliFailure extends RuntimeException {

    private final int exitCode;
    private final List<String> lines;

    private CliFailure(int exitCode, List<String> lines) {
        super(String.join("; ", lines));
        this.exitCode = exitCode;
        this.lines = lines.stream().map(CliFailure::oneLine).toList();
    }

    public static CliFailure user(String line) {
        return new CliFailure(ExitCodes.USER_ERROR, List.of(line));
    }

    public static CliFailure user(List<String> lines) {
        return new CliFailure(ExitCodes.USER_ERROR, lines);
    }

    public static CliFailure server(String line) {
        return new CliFailure(ExitCodes.SERVER_ERROR, List.of(line));
    }

    public static CliFailure of(int exitCode, List<String> lines) {
        return new CliFailure(exitCode, lines);
    }

    public int exitCode() {
        return exitCode;
    }

    public List<String> lines() {
        return lines;
    }

    /** Collapses line breaks so that every message stays one line, as scripts expect. */
    public static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
