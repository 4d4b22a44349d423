package io.prmos.metadata.load;

import java.util.Map;

/**
 * Where each JSON pointer of a parsed document sits in its source. Members of objects have a key
 * position (where the key is written) and a value position; array items and the root only a value
 * position. Lookups of unknown pointers fall back to the nearest known ancestor, so a problem is
 * always located somewhere sensible.
 */
public final class SourceMap {

    private final Map<String, Position> keys;
    private final Map<String, Position> values;

    public SourceMap(Map<String, Position> keys, Map<String, Position> values) {
        this.keys = Map.copyOf(keys);
        this.values = Map.copyOf(values);
    }

    public static SourceMap empty() {
        return new SourceMap(Map.of(), Map.of());
    }

    /** Position of the value at {@code pointer}. */
    public Position valueAt(String pointer) {
        String p = pointer;
        while (true) {
            Position found = values.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return Position.START;
            }
            p = Pointer.parent(p);
        }
    }

    /** Position of the key naming {@code pointer}, or of its value when it has no key. */
    public Position keyAt(String pointer) {
        Position key = keys.get(pointer);
        return key != null ? key : valueAt(pointer);
    }

    public boolean contains(String pointer) {
        return values.containsKey(pointer);
    }
}
