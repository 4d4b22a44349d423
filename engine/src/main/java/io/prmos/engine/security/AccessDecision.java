package io.prmos.engine.security;

import io.prmos.engine.query.BoundFilter;
import io.prmos.engine.query.SystemFields;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The answer of the permission evaluator for one principal, entity and operation: whether it is
 * allowed at all, which rows it may touch (empty = every row of the tenant), which fields it may see
 * and write, and the projection of a record shown to it (the system fields and the visible fields).
 */
public record AccessDecision(boolean allowed, Optional<BoundFilter> rows, Set<String> visibleFields, Set<String> writableFields,
                             Set<String> projection) {

    private static final AccessDecision DENIED = new AccessDecision(false, Optional.empty(), Set.of(), Set.of());

    public static AccessDecision denied() {
        return DENIED;
    }

    public AccessDecision {
        visibleFields = Set.copyOf(visibleFields);
        writableFields = Set.copyOf(writableFields);
        projection = Set.copyOf(projection);
    }

    public AccessDecision(boolean allowed, Optional<BoundFilter> rows, Set<String> visibleFields, Set<String> writableFields) {
        this(allowed, rows, visibleFields, writableFields, projection(visibleFields));
    }

    public boolean canSee(String field) {
        return visibleFields.contains(field);
    }

    /** The system fields and {@code visible}: what a record shown to the caller may contain. */
    static Set<String> projection(Set<String> visible) {
        Set<String> fields = new HashSet<>(SystemFields.ORDER);
        fields.addAll(visible);
        return Set.copyOf(fields);
    }
}
