package io.prmos.metadata.filter;

import java.util.Optional;

/** The name rules shared by filters, variables and sort keys: {@code [a-z][a-z0-9_]{0,62}}, at most {@code field.part}. */
final class FieldPathSyntax {

    static final int MAX_NAME_LENGTH = 63;
    private static final int SHOWN_LENGTH = 24;

    private FieldPathSyntax() {
    }

    static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z';
    }

    /** Characters a path or variable token is made of; wider than a valid name so errors can name the whole word. */
    static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.';
    }

    static boolean isName(String s) {
        if (s.isEmpty() || s.length() > MAX_NAME_LENGTH || !isNameStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isNameStart(c) || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Parses {@code field} or {@code field.part}; {@code position} is where {@code word} starts in the input. */
    static FieldPath toFieldPath(String word, int position) {
        String[] parts = word.split("\\.", -1);
        if (parts.length > 2) {
            throw new FilterSyntaxException("field path '" + abbreviate(word)
                    + "' has more than two parts; write field or field.part", position);
        }
        if (parts.length == 2 && parts[0].isEmpty()) {
            throw new FilterSyntaxException("expected a field name before '.'", position);
        }
        if (parts.length == 2 && parts[1].isEmpty()) {
            throw new FilterSyntaxException("expected a name after '.'", position + parts[0].length() + 1);
        }
        checkName(parts[0], position);
        if (parts.length == 1) {
            return FieldPath.of(parts[0]);
        }
        checkName(parts[1], position + parts[0].length() + 1);
        return new FieldPath(parts[0], Optional.of(parts[1]));
    }

    static void checkName(String name, int position) {
        if (name.length() > MAX_NAME_LENGTH) {
            throw new FilterSyntaxException("name '" + abbreviate(name) + "' is longer than "
                    + MAX_NAME_LENGTH + " characters", position);
        }
        if (!isName(name)) {
            throw new FilterSyntaxException("invalid name '" + abbreviate(name)
                    + "': names start with a lowercase letter and contain only a-z, 0-9 and '_'", position);
        }
    }

    /** Keeps messages one short line even for a 4,000-character word. */
    static String abbreviate(String s) {
        return s.length() <= SHOWN_LENGTH ? s : s.substring(0, SHOWN_LENGTH) + "...";
    }
}
