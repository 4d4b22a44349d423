package io.prmos.cli.render;

import io.prmos.cli.http.Http;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * stdout in one of two shapes: text for people (progress lines, tables), or a single JSON document
 * for scripts, in which case progress and text are suppressed. Errors never go here (stderr).
 */
public final class Output {

    private final PrintStream out;
    private final boolean json;

    public Output(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public boolean json() {
        return json;
    }

    public PrintStream text() {
        return json ? new PrintStream(PrintStream.nullOutputStream()) : out;
    }

    public void line(String line) {
        if (!json) {
            out.println(line);
        }
    }

    public void document(Object value) {
        if (json) {
            try {
                out.println(Http.PRETTY.writeValueAsString(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
