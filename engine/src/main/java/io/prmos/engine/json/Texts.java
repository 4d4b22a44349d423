package io.prmos.engine.json;

/**
 * What text the engine can store: PostgreSQL refuses U+0000 in {@code text} and {@code jsonb}
 * (a 500 if it gets that far), and a lone UTF-16 surrogate is not a character at all (the driver
 * would silently write {@code ?}). Every way text enters — URIs, JSON bodies, token claims — asks here.
 */
public final class Texts {

    public static final String NUL = "must not contain the NUL character (U+0000)";
    public static final String SURROGATE = "must be valid Unicode (it contains an unpaired UTF-16 surrogate)";

    private Texts() {
    }

    /** Why {@code text} cannot be stored, or null when it can. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return NUL;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return SURROGATE;
                }
            }
        }
        return null;
    }
}
