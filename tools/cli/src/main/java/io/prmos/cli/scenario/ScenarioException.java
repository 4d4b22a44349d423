package io.prmos.cli.scenario;

/** A scenario file that cannot be run: where and why, as {@code tests/x.yaml:12: message}. */
public final class ScenarioException extends RuntimeException {

    public ScenarioException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }
}
