package io.prmos.engine.rules;

import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.rules.EntityExpressions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The compiled CEL programs of each entity, built on first use of an entity descriptor and kept as
 * long as the descriptor (that is, its catalog) is in use: once per catalog, never per request.
 */
@ApplicationScoped
public class CompiledExpressions {

    private final Map<EntityDescriptor, EntityExpressions> byEntity = Collections.synchronizedMap(new WeakHashMap<>());

    public EntityExpressions of(EntityDescriptor entity) {
        return byEntity.computeIfAbsent(entity, e -> EntityExpressions.compile(e.def()));
    }
}
