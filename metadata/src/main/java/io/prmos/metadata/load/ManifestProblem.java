package io.prmos.metadata.load;

/**
 * One thing wrong with a manifest, located by file, 1-based line and column, and the JSON pointer of
 * the offending value (empty string for the document root).
 */
public record ManifestProblem(String file, int line, int column, String pointer, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
