package io.prmos.engine.ui;

import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The permission decisions of one caller over one catalog, asked once per entity and operation:
 * which entities exist for the caller, which fields they see and which they may write.
 */
final class CallerGrants {

    private final PermissionEvaluator evaluator;
    private final Catalog catalog;
    private final Caller caller;
    private final Map<EntityDescriptor, Map<Operation, AccessDecision>> decisions = new IdentityHashMap<>();

    CallerGrants(PermissionEvaluator evaluator, Catalog catalog, Caller caller) {
        this.evaluator = evaluator;
        this.catalog = catalog;
        this.caller = caller;
    }

    Catalog catalog() {
        return catalog;
    }

    Caller caller() {
        return caller;
    }

    AccessDecision decision(EntityDescriptor entity, Operation operation) {
        return decisions.computeIfAbsent(entity, e -> new EnumMap<>(Operation.class))
                .computeIfAbsent(operation, op -> evaluator.decide(caller, catalog, entity, op));
    }

    boolean allowed(EntityDescriptor entity, Operation operation) {
        return decision(entity, operation).allowed();
    }

    boolean readable(EntityDescriptor entity) {
        return allowed(entity, Operation.READ);
    }

    /** Declared fields the caller may read; empty when the entity is not readable. */
    Set<String> visible(EntityDescriptor entity) {
        return decision(entity, Operation.READ).visibleFields();
    }

    /** Fields the caller may write when creating or updating (a field's own readOnly not applied). */
    Set<String> writable(EntityDescriptor entity) {
        Set<String> fields = new HashSet<>(decision(entity, Operation.CREATE).writableFields());
        fields.addAll(decision(entity, Operation.UPDATE).writableFields());
        return fields;
    }
}
