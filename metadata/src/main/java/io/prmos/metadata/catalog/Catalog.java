package io.prmos.metadata.catalog;

import io.prmos.metadata.model.FieldType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compiled, immutable set of active modules. A request holds one catalog for its whole life;
 * publishing builds a new one and swaps it atomically.
 */
public final class Catalog {

    private final Map<String, ModuleDescriptor> modules;
    private final List<EntityDescriptor> entities;
    private final String fingerprint;

    Catalog(Map<String, ModuleDescriptor> modules, String fingerprint) {
        this.modules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(modules));
        this.entities = modules.values().stream().flatMap(m -> m.entities().stream()).toList();
        this.fingerprint = fingerprint;
    }

    public static Catalog empty() {
        return new Catalog(Map.of(), "empty");
    }

    /** Modules in dependency order (required modules first), as compiled. */
    public Collection<ModuleDescriptor> modules() {
        return List.copyOf(modules.values());
    }

    public Optional<ModuleDescriptor> module(String name) {
        return Optional.ofNullable(modules.get(name));
    }

    public List<EntityDescriptor> entities() {
        return entities;
    }

    /** Looks an entity up by the URL form {@code /api/v1/{module}/{path}}. */
    public Optional<EntityDescriptor> entity(String module, String path) {
        ModuleDescriptor m = modules.get(module);
        return m == null ? Optional.empty() : Optional.ofNullable(m.entitiesByPath().get(path));
    }

    /** Resolves the target of a reference field declared in {@code ownModule}. */
    public EntityDescriptor target(String ownModule, FieldType.Reference reference) {
        ModuleDescriptor m = modules.get(reference.targetModule(ownModule));
        if (m == null || !m.entitiesByName().containsKey(reference.targetEntity())) {
            throw new IllegalStateException("unresolved reference " + reference.target() + " in " + ownModule);
        }
        return m.entitiesByName().get(reference.targetEntity());
    }

    /** A stable hash of the manifests this catalog was compiled from (ETags, change detection). */
    public String fingerprint() {
        return fingerprint;
    }
}
