package io.prmos.metadata.load;

/** A 1-based line and column in a source file. */
public record Position(int line, int column) {

    public static final Position START = new Position(1, 1);
}
