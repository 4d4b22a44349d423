package io.prmos.engine.security;

import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.EntityPermission;
import io.prmos.metadata.model.FieldAccess;
import io.prmos.metadata.model.RecordScope;

/**
 * The one enforcement point for data access: principal + entity + operation → allowed or not, the
 * row predicate to inject into SQL, and the visible and writable fields. Deny by default: a role
 * without a grant gets nothing; several roles add up.
 *
 * <p>Decisions are compiled once per catalog and role set ({@link PermissionIndex}, docs/adr/0086);
 * a request only binds the record scopes that name the caller. Nothing here is shared across catalogs,
 * so there is no lock and nothing to invalidate: a published catalog brings its own index.
 */
public final class PermissionEvaluator {

    public AccessDecision decide(Caller caller, Catalog catalog, EntityDescriptor entity, Operation operation) {
        return index(catalog).decision(entity, caller.roles(), operation).forCaller(caller, entity);
    }

    private static PermissionIndex index(Catalog catalog) {
        return catalog.derived(PermissionIndex.class, PermissionIndex::new);
    }

    /** A field absent from the grant is writable when the role may create or update, else read-only. */
    static FieldAccess access(EntityPermission grant, FieldDescriptor field) {
        return grant.fieldAccess(field.name());
    }
}
