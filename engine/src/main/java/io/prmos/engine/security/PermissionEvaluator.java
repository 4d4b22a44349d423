package io.prmos.engine.security;

import io.prmos.engine.query.BoundFilter;
import io.prmos.engine.query.RuleBinder;
import io.prmos.metadata.catalog.Catalog;
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
 * The one enforcement point for data access: principal + entity + operation → allowed or not, the
 * row predicate to inject into SQL, and the visible and writable fields. Deny by default: a role
 * without a grant gets nothing; several roles add up.
 */
public final class PermissionEvaluator {

    /** One index per catalog instance: the active one and each tenant's view of it (weak: replaced views go away). */
    private final java.util.Map<Catalog, PermissionIndex> indexes =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    public AccessDecision decide(Caller caller, Catalog catalog, EntityDescriptor entity, Operation operation) {
        List<EntityPermission> grants = index(catalog).grants(entity, caller.roles());
        List<RecordScope> scopes = new ArrayList<>();
        for (EntityPermission grant : grants) {
            RecordScope scope = scope(grant, operation);
            if (!(scope instanceof RecordScope.None)) {
                scopes.add(scope);
            }
        }
        if (scopes.isEmpty()) {
            return AccessDecision.denied();
        }
        return new AccessDecision(true, rows(caller, entity, scopes), visible(entity, grants), writable(entity, grants, operation));
    }

    private PermissionIndex index(Catalog catalog) {
        return indexes.computeIfAbsent(catalog, PermissionIndex::new);
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

    private static Optional<BoundFilter> rows(Caller caller, EntityDescriptor entity, List<RecordScope> scopes) {
        List<BoundFilter> alternatives = new ArrayList<>();
        for (RecordScope scope : scopes) {
            if (scope instanceof RecordScope.All) {
                return Optional.empty();
            }
            if (scope instanceof RecordScope.Own) {
                alternatives.add(new BoundFilter.Compare("created_by", Filter.Operator.EQ, caller.user(), false));
            } else if (scope instanceof RecordScope.Rule rule) {
                alternatives.add(RuleBinder.bind(entity, rule.filter(), new RuleBinder.Principal(
                        caller.user(), caller.userName(), caller.tenant(), caller.roles())));
            }
        }
        return Optional.of(alternatives.size() == 1 ? alternatives.get(0) : new BoundFilter.Or(alternatives));
    }

    private static Set<String> visible(EntityDescriptor entity, List<EntityPermission> grants) {
        Set<String> fields = new HashSet<>();
        for (EntityPermission grant : grants) {
            if (grant.read() instanceof RecordScope.None) {
                continue;
            }
            for (FieldDescriptor field : entity.fields()) {
                if (access(grant, field) != FieldAccess.HIDDEN) {
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
                if (access(grant, field) == FieldAccess.WRITE) {
                    fields.add(field.name());
                }
            }
        }
        return fields;
    }

    /** A field absent from the grant is writable when the role may create or update, else read-only. */
    static FieldAccess access(EntityPermission grant, FieldDescriptor field) {
        return grant.fieldAccess(field.name());
    }
}
