package io.prmos.engine.query;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A list request checked against an entity: filter, ordering (always ending with id), page size,
 * the position after which to continue, the projected fields and whether to count.
 */
public record ListQuery(
        Optional<BoundFilter> filter,
        List<SortColumn> sort,
        int limit,
        Optional<List<Object>> after,
        Optional<Set<String>> fields,
        Total total,
        String sortSignature) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public enum Total { NONE, EXACT, ESTIMATE }
}
