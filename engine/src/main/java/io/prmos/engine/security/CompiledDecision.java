package io.prmos.engine.security;

import io.prmos.engine.query.BoundFilter;
import io.prmos.engine.query.RuleBinder;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.filter.Filter;
import io.prmos.metadata.model.EntityPermission;
import io.prmos.metadata.model.FieldAccess;
import io.prmos.metadata.model.RecordScope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The part of a permission decision that depends only on the catalog, the entity, the operation and
 * the caller's roles, compiled once per catalog (docs/adr/0086): whether the operation is granted, the
 * record scopes that grant it, and the visible and writable fields. Only record scopes that name the
 * caller ({@code own}, rules on {@code $user}) are bound per request; a decision without them is one
 * shared {@link AccessDecision}.
 */
record CompiledDecision(List<RecordScope> scopes, Set<String> visible, Set<String> writable, Set<String> projection,
                        AccessDecision fixed) {

    static CompiledDecision compile(EntityDescriptor entity, List<EntityPermission> grants, Operation operation) {
        List<RecordScope> scopes = new ArrayList<>();
        for (EntityPermission grant : grants) {
            RecordScope scope = scope(grant, operation);
            if (!(scope instanceof RecordScope.None)) {
                scopes.add(scope);
            }
        }
        if (scopes.isEmpty()) {
            AccessDecision denied = AccessDecision.denied();
            return new CompiledDecision(List.of(), Set.of(), Set.of(), denied.projection(), denied);
        }
        Set<String> visible = Set.copyOf(visible(entity, grants));
        Set<String> writable = Set.copyOf(writable(entity, grants, operation));
        boolean everyRow = scopes.stream().anyMatch(s -> s instanceof RecordScope.All);
        Set<String> projection = AccessDecision.projection(visible);
        AccessDecision fixed = everyRow ? new AccessDecision(true, Optional.empty(), visible, writable, projection) : null;
        return new CompiledDecision(List.copyOf(scopes), visible, writable, projection, fixed);
    }

    /** The decision for one caller: the shared one, or the scopes bound to the caller's id, name and tenant. */
    AccessDecision forCaller(Caller caller, EntityDescriptor entity) {
        if (fixed != null) {
            return fixed;
        }
        List<BoundFilter> alternatives = new ArrayList<>(scopes.size());
        for (RecordScope scope : scopes) {
            if (scope instanceof RecordScope.Own) {
                alternatives.add(new BoundFilter.Compare("created_by", Filter.Operator.EQ, caller.user(), false));
            } else if (scope instanceof RecordScope.Rule rule) {
                alternatives.add(RuleBinder.bind(entity, rule.filter(), new RuleBinder.Principal(
                        caller.user(), caller.userName(), caller.tenant(), caller.roles())));
            }
        }
        BoundFilter rows = alternatives.size() == 1 ? alternatives.get(0) : new BoundFilter.Or(alternatives);
        return new AccessDecision(true, Optional.of(rows), visible, writable, projection);
    }

    private static RecordScope scope(EntityPermission grant, Operation operation) {
        return switch (operation) {
            case READ -> grant.read();
            case UPDATE -> grant.update();
            case DELETE -> grant.delete();
            case RESTORE -> grant.restore();
            case CREATE -> grant.create() ? RecordScope.ALL : RecordScope.NONE;
            case BULK -> grant.bulk() ? RecordScope.ALL : RecordScope.NONE;
        };
    }

    private static Set<String> visible(EntityDescriptor entity, List<EntityPermission> grants) {
        Set<String> fields = new HashSet<>();
        for (EntityPermission grant : grants) {
            if (grant.read() instanceof RecordScope.None) {
                continue;
            }
            for (FieldDescriptor field : entity.fields()) {
                if (PermissionEvaluator.access(grant, field) != FieldAccess.HIDDEN) {
                    fields.add(field.name());
                }
            }
        }
        return fields;
    }

    private static Set<String> writable(EntityDescriptor entity, List<EntityPermission> grants, Operation operation) {
        Set<String> fields = new HashSet<>();
        for (EntityPermission grant : grants) {
            boolean mayWrite = switch (operation) {
                case CREATE -> grant.create();
                case UPDATE -> !(grant.update() instanceof RecordScope.None);
                case BULK -> grant.create() || !(grant.update() instanceof RecordScope.None);
                default -> false;
            };
            if (!mayWrite) {
                continue;
            }
            for (FieldDescriptor field : entity.fields()) {
                if (PermissionEvaluator.access(grant, field) == FieldAccess.WRITE) {
                    fields.add(field.name());
                }
            }
        }
        return fields;
    }
}
