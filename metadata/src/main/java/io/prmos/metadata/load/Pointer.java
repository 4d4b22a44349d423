package io.prmos.metadata.load;

/** Builds RFC 6901 JSON pointers; the only place segments are escaped. */
public final class Pointer {

    public static final String ROOT = "";

    private Pointer() {
    }

    public static String of(String... segments) {
        String pointer = ROOT;
        for (String segment : segments) {
            pointer = append(pointer, segment);
        }
        return pointer;
    }

    public static String append(String pointer, String segment) {
        return pointer + "/" + segment.replace("~", "~0").replace("/", "~1");
    }

    public static String append(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** The pointer one level up; the root is its own parent. */
    public static String parent(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash <= 0 ? ROOT : pointer.substring(0, slash);
    }

    /** The unescaped last segment, or the empty string for the root. */
    public static String lastSegment(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return slash < 0 ? "" : pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    }
}
