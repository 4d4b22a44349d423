package io.prmos.metadata.filter;

import java.util.Optional;

/** A field named in a filter or sort: {@code score}, or a part of a composite field such as {@code amount.currency}. */
public record FieldPath(String field, Optional<String> part) {

    public static FieldPath of(String field) {
        return new FieldPath(field, Optional.empty());
    }

    @Override
    public String toString() {
        return part.map(p -> field + "." + p).orElse(field);
    }
}
