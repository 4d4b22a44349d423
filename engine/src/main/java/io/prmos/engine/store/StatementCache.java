package io.prmos.engine.store;

import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Per-entity SQL built once per catalog; entries of replaced catalogs are dropped on activation. */
public final class StatementCache {

    private final Map<EntityDescriptor, EntityStatements> byEntity = new ConcurrentHashMap<>();

    EntityStatements of(EntityDescriptor entity) {
        return byEntity.computeIfAbsent(entity, EntityStatements::new);
    }

    public void retainOnly(Catalog catalog) {
        Set<EntityDescriptor> live = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        live.addAll(catalog.entities());
        byEntity.keySet().removeIf(e -> !live.contains(e));
        catalog.entities().forEach(this::of);
    }
}
