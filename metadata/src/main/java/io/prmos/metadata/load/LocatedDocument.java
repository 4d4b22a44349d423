package io.prmos.metadata.load;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A YAML or JSON document read with the manifest loader's locating reader, for other files a module
 * folder holds (test scenarios): the tree, and where every value was written.
 */
public record LocatedDocument(JsonNode root, SourceMap sourceMap) {

    /** Reads {@code text}; YAML unless {@code file} ends in {@code .json}. */
    public static LocatedDocument read(String text, String file) throws Unreadable {
        try {
            LocatingTreeReader.Document document = LocatingTreeReader.read(text, !file.endsWith(".json"));
            return new LocatedDocument(document.root(), document.sourceMap());
        } catch (LocatingTreeReader.UnreadableDocument e) {
            throw new Unreadable(e.getMessage(), e.position);
        }
    }

    /** The document cannot be read; {@code position} is where reading stopped. */
    public static final class Unreadable extends Exception {
        private final transient Position position;

        Unreadable(String message, Position position) {
            super(message);
            this.position = position;
        }

        public Position position() {
            return position;
        }
    }
}
