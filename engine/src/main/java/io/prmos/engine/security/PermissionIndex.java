package io.prmos.engine.security;

import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.model.EntityPermission;
import io.prmos.metadata.model.PermissionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The permission sets of every module of one catalog, indexed by entity and role, and the decisions
 * compiled from them per entity, role set and operation (docs/adr/0086). It lives exactly as long as
 * its catalog ({@link Catalog#derived}), so a publish that changes a permission set is seen by the
 * first request holding the new catalog. A role may be granted rights on one entity by several
 * modules; all grants count.
 */
final class PermissionIndex {

    /** Role sets come from tokens; past this many decisions a catalog stops remembering new ones. */
    static final int MAX_DECISIONS = 4096;

    private record DecisionKey(EntityDescriptor entity, Set<String> roles, Operation operation) {
    }

    private final Map<EntityDescriptor, Map<String, List<EntityPermission>>> byEntity = new IdentityHashMap<>();
    private final Map<DecisionKey, CompiledDecision> decisions = new ConcurrentHashMap<>();

    PermissionIndex(Catalog catalog) {
        for (ModuleDescriptor module : catalog.modules()) {
            for (PermissionSet set : module.manifest().permissions()) {
                for (EntityPermission grant : set.entities()) {
                    EntityDescriptor entity = resolve(catalog, module, grant.entity());
                    if (entity != null) {
                        byEntity.computeIfAbsent(entity, e -> new HashMap<>())
                                .computeIfAbsent(set.role(), r -> new ArrayList<>()).add(grant);
                    }
                }
            }
        }
    }

    /** The compiled decision for callers with exactly these roles. */
    CompiledDecision decision(EntityDescriptor entity, Set<String> roles, Operation operation) {
        DecisionKey key = new DecisionKey(entity, roles, operation);
        CompiledDecision known = decisions.get(key);
        if (known != null) {
            return known;
        }
        CompiledDecision compiled = CompiledDecision.compile(entity, grants(entity, roles), operation);
        if (decisions.size() < MAX_DECISIONS) {
            decisions.putIfAbsent(key, compiled);
        }
        return compiled;
    }

    /** The grants of the caller's roles on an entity; empty means no access at all. */
    List<EntityPermission> grants(EntityDescriptor entity, Iterable<String> roles) {
        Map<String, List<EntityPermission>> byRole = byEntity.getOrDefault(entity, Map.of());
        List<EntityPermission> grants = new ArrayList<>();
        for (String role : roles) {
            grants.addAll(byRole.getOrDefault(role, List.of()));
        }
        return grants;
    }

    private static EntityDescriptor resolve(Catalog catalog, ModuleDescriptor module, String ref) {
        int dot = ref.indexOf('.');
        ModuleDescriptor owner = dot < 0 ? module : catalog.module(ref.substring(0, dot)).orElse(null);
        String name = dot < 0 ? ref : ref.substring(dot + 1);
        return owner == null ? null : owner.entitiesByName().get(name);
    }
}
