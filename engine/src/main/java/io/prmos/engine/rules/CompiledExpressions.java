package io.prmos.engine.rules;

import com.google.common.collect.MapMaker;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.rules.EntityExpressions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentMap;

/**
 * The compiled CEL programs of each entity, built on first use of an entity descriptor and kept as
 * long as the descriptor (that is, its catalog) is in use: once per catalog, never per request. The
 * map is concurrent with weak, identity-compared keys: lookups on the write path take no lock (a
 * synchronized map here was a point where every write of every thread queued), and descriptors of
 * replaced catalogs are dropped by the garbage collector.
 */
@ApplicationScoped
public class CompiledExpressions {

    private final ConcurrentMap<EntityDescriptor, EntityExpressions> byEntity = new MapMaker().weakKeys().makeMap();

    public EntityExpressions of(EntityDescriptor entity) {
        EntityExpressions compiled = byEntity.get(entity);
        return compiled != null ? compiled : byEntity.computeIfAbsent(entity, e -> EntityExpressions.compile(e.def()));
    }
}
