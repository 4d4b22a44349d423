package io.prmos.metadata.filter;

import java.util.Objects;

/** One key of the API's {@code sort=} parameter: {@code -score} is {@code SortKey(score, true)}. */
public record SortKey(FieldPath field, boolean descending) {

    public SortKey {
        Objects.requireNonNull(field, "field");
    }

    /** The key as written in {@code sort=}: {@code -score} or {@code name}. */
    @Override
    public String toString() {
        return (descending ? "-" : "") + field;
    }
}
