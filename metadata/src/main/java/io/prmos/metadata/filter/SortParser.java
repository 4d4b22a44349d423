package io.prmos.metadata.filter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the API's {@code sort=} parameter, such as {@code -score,name,amount.amount}: field
 * paths separated by commas, each optionally prefixed by {@code -} (descending) or {@code +}.
 * Whether the fields exist and are sortable is checked later, against the entity.
 */
public final class SortParser {

    public static final int MAX_KEYS = 8;
    public static final int MAX_LENGTH = 1024;

    private final String text;
    private int pos;

    private SortParser(String text) {
        this.text = text;
    }

    public static List<SortKey> parse(String text) {
        if (text == null) {
            throw new FilterSyntaxException("sort is missing", 0);
        }
        if (text.length() > MAX_LENGTH) {
            throw new FilterSyntaxException("sort is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        return new SortParser(text).keys();
    }

    private List<SortKey> keys() {
        List<SortKey> keys = new ArrayList<>();
        Set<FieldPath> seen = new HashSet<>();
        while (true) {
            skipWhitespace();
            int start = pos;
            SortKey key = key();
            if (!seen.add(key.field())) {
                throw new FilterSyntaxException("field '" + key.field() + "' appears more than once in sort", start);
            }
            if (keys.size() == MAX_KEYS) {
                throw new FilterSyntaxException("sort has more than " + MAX_KEYS + " keys", start);
            }
            keys.add(key);
            skipWhitespace();
            if (pos == text.length()) {
                return List.copyOf(keys);
            }
            if (text.charAt(pos) != ',') {
                throw new FilterSyntaxException("expected ',' or end of sort, found "
                        + FilterLexer.describeChar(text.charAt(pos)), pos);
            }
            pos++;
        }
    }

    private SortKey key() {
        boolean descending = false;
        if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
            descending = text.charAt(pos) == '-';
            pos++;
        }
        int start = pos;
        while (pos < text.length() && FieldPathSyntax.isWordChar(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            String found = pos == text.length() ? "end of sort" : FilterLexer.describeChar(text.charAt(pos));
            throw new FilterSyntaxException("expected a field name, found " + found, pos);
        }
        return new SortKey(FieldPathSyntax.toFieldPath(text.substring(start, pos), start), descending);
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
