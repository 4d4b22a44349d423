package io.prmos.engine.security;

import io.prmos.engine.query.BoundFilter;
import java.util.Optional;
import java.util.Set;

/**
 * The answer of the permission evaluator for one principal, entity and operation: whether it is
 * allowed at all, which rows it may touch (empty = every row of the tenant), and which fields it
 * may see and write.
 */
public record AccessDecision(boolean allowed, Optional<BoundFilter> rows, Set<String> visibleFields, Set<String> writableFields) {

    public static AccessDecision denied() {
        return new AccessDecision(false, Optional.empty(), Set.of(), Set.of());
    }

    public AccessDecision {
        visibleFields = Set.copyOf(visibleFields);
        writableFields = Set.copyOf(writableFields);
    }

    public boolean canSee(String field) {
        return visibleFields.contains(field);
    }
}
