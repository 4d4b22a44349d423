package io.prmos.engine.api;

import io.prmos.engine.query.BoundFilter;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.Access;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Asks the permission evaluator on behalf of a resource and shapes the answer for the store:
 * 403 when the operation is not granted at all, otherwise the rows it may touch and the fields a
 * response may show.
 */
final class Authorizer {

    /** id is never null, so this matches no row: the readable rows of a caller who may not read. */
    private static final BoundFilter NO_ROWS = new BoundFilter.IsNull("id", true, false);

    private final PermissionEvaluator evaluator;
    private final Catalog catalog;
    private final Caller caller;
    private final EntityDescriptor entity;
    private final AccessDecision read;

    Authorizer(PermissionEvaluator evaluator, Catalog catalog, Caller caller, EntityDescriptor entity) {
        this.evaluator = evaluator;
        this.catalog = catalog;
        this.caller = caller;
        this.entity = entity;
        this.read = evaluator.decide(caller, catalog, entity, Operation.READ);
    }

    AccessDecision require(Operation operation) {
        AccessDecision decision = operation == Operation.READ ? read : evaluator.decide(caller, catalog, entity, operation);
        if (!decision.allowed()) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "your roles do not allow " + operation.name().toLowerCase()
                    + " on " + entity.qualifiedName(), List.of());
        }
        return decision;
    }

    AccessDecision read() {
        return read;
    }

    /** The store's view of a decision: its rows, the rows the caller can read, and what responses show. */
    Access access(AccessDecision decision) {
        Optional<BoundFilter> readable = read.allowed() ? read.rows() : Optional.of(NO_ROWS);
        return new Access(decision.rows(), readable, projection());
    }

    Set<String> projection() {
        return read.projection();
    }

    /** Fields that exist for this caller when writing: what they can read plus what they can write. */
    Set<String> known(AccessDecision write) {
        Set<String> fields = new HashSet<>(read.visibleFields());
        fields.addAll(write.writableFields());
        return fields;
    }
}
