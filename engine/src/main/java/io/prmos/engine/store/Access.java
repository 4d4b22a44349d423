package io.prmos.engine.store;

import io.prmos.engine.query.BoundFilter;
import java.util.Optional;
import java.util.Set;

/**
 * What the permission evaluator allows for one store call: the rows the operation may touch
 * (empty = all of the tenant's), the rows the caller may read (to tell 403 from 404), and the
 * fields a returned record may show (system fields included).
 */
public record Access(Optional<BoundFilter> rows, Optional<BoundFilter> readableRows, Set<String> projection) {

    public Access {
        projection = Set.copyOf(projection);
    }
}
