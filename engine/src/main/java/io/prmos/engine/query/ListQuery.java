package io.prmos.engine.query;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A list request checked against an entity: filter, ordering (always ending with id), page size,
 * the position after which to continue, the projected fields, whether to count, and whether
 * soft-deleted records are left out (the default), included or the only ones listed.
 */
public record ListQuery(
        Optional<BoundFilter> filter,
        List<SortColumn> sort,
        int limit,
        Optional<List<Object>> after,
        Optional<Set<String>> fields,
        Total total,
        String sortSignature,
        Deleted deleted) {

    public ListQuery(Optional<BoundFilter> filter, List<SortColumn> sort, int limit, Optional<List<Object>> after,
                     Optional<Set<String>> fields, Total total, String sortSignature) {
        this(filter, sort, limit, after, fields, total, sortSignature, Deleted.EXCLUDE);
    }

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public enum Total { NONE, EXACT, ESTIMATE }

    /** {@code deleted=exclude|include|only}: which records of the recycle bin a list shows. */
    public enum Deleted { EXCLUDE, INCLUDE, ONLY }
}
