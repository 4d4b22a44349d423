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
    private final Map<String, LinkType> linkTypes;
    private final Map<Object, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

    Catalog(Map<String, ModuleDescriptor> modules, String fingerprint) {
        this.modules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(modules));
        this.entities = modules.values().stream().flatMap(m -> m.entities().stream()).toList();
        this.fingerprint = fingerprint;
        this.linkTypes = resolveLinks(this.modules);
    }

    private static Map<String, LinkType> resolveLinks(Map<String, ModuleDescriptor> modules) {
        Map<String, LinkType> out = new java.util.LinkedHashMap<>();
        for (ModuleDescriptor module : modules.values()) {
            for (io.prmos.metadata.model.LinkTypeDef def : module.manifest().links().values()) {
                EntityDescriptor from = entityNamed(modules, module.name(), def.from());
                EntityDescriptor to = entityNamed(modules, module.name(), def.to());
                if (from != null && to != null) {
                    out.put(module.name() + "." + def.name(), new LinkType(module.name() + "." + def.name(), def, from, to));
                }
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    static EntityDescriptor entityNamed(Map<String, ModuleDescriptor> modules, String own, String name) {
        String module = name.contains(".") ? name.substring(0, name.indexOf('.')) : own;
        ModuleDescriptor m = modules.get(module);
        return m == null ? null : m.entitiesByName().get(name.contains(".") ? name.substring(name.indexOf('.') + 1) : name);
    }

    /** Link types of every module by qualified name ({@code deals.co_sell}). */
    public Map<String, LinkType> linkTypes() {
        return linkTypes;
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

    /**
     * Something compiled from this catalog by its users (the engine's permission decisions, say): computed on
     * first use, then shared by every request holding this catalog and dropped with it, so a published change
     * never meets a stale one. {@code kind} names the structure (one constant per kind); {@code compile} must
     * be a pure function of the catalog, as two racing first uses may both run it (one result is kept).
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object kind, java.util.function.Function<Catalog, T> compile) {
        Object known = derived.get(kind);
        if (known == null) {
            Object compiled = compile.apply(this);
            known = derived.putIfAbsent(kind, compiled);
            if (known == null) {
                known = compiled;
            }
        }
        return (T) known;
    }

    /** A stable hash of the manifests this catalog was compiled from (ETags, change detection). */
    public String fingerprint() {
        return fingerprint;
    }
}
