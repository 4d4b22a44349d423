package io.prmos.engine.ui;

import io.prmos.engine.query.SystemFields;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.store.Access;
import java.util.HashSet;
import java.util.Set;

/** The store's view of a read decision: the caller's rows, and the system plus visible fields. */
final class ReadAccess {

    private ReadAccess() {
    }

    static Access of(AccessDecision read) {
        Set<String> projection = new HashSet<>(SystemFields.ORDER);
        projection.addAll(read.visibleFields());
        return new Access(read.rows(), read.rows(), projection);
    }

    /** For a write: the rows the operation may touch, the caller's readable rows and what responses show. */
    static Access of(AccessDecision operation, AccessDecision read) {
        Set<String> projection = new HashSet<>(SystemFields.ORDER);
        projection.addAll(read.visibleFields());
        return new Access(operation.rows(), read.rows(), projection);
    }
}
