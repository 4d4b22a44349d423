package io.prmos.metadata.catalog;

import io.prmos.metadata.model.DictionaryDef;
import io.prmos.metadata.model.Manifest;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** A compiled module: its manifest, PostgreSQL schema and entities by URL path. */
public record ModuleDescriptor(Manifest manifest, String schema, Map<String, EntityDescriptor> entitiesByPath,
                               Map<String, EntityDescriptor> entitiesByName) {

    public String name() {
        return manifest.module();
    }

    public Collection<EntityDescriptor> entities() {
        return entitiesByPath.values();
    }

    public Optional<DictionaryDef> dictionary(String name) {
        return Optional.ofNullable(manifest.dictionaries().get(name));
    }
}
