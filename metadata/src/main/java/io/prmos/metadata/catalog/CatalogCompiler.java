package io.prmos.metadata.catalog;

import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.Manifest;
import io.prmos.metadata.naming.Names;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a set of manifests that passed the semantic checks into an immutable {@link Catalog}.
 * It does not re-check: feeding it unchecked manifests is a programming error.
 */
public final class CatalogCompiler {

    public Catalog compile(List<Manifest> manifests) {
        Map<String, ModuleDescriptor> modules = new LinkedHashMap<>();
        for (Manifest manifest : manifests) {
            modules.put(manifest.module(), compileModule(manifest));
        }
        return new Catalog(modules, fingerprint(manifests));
    }

    private ModuleDescriptor compileModule(Manifest manifest) {
        Map<String, EntityDescriptor> byPath = new LinkedHashMap<>();
        Map<String, EntityDescriptor> byName = new LinkedHashMap<>();
        for (EntityDef entity : manifest.entities().values()) {
            String path = Names.snakeCase(entity.name());
            List<FieldDescriptor> fields = entity.fields().values().stream().map(FieldDescriptor::of).toList();
            EntityDescriptor descriptor = new EntityDescriptor(manifest.module(), entity, path, manifest.module(), fields);
            byPath.put(path, descriptor);
            byName.put(entity.name(), descriptor);
        }
        return new ModuleDescriptor(manifest, manifest.module(), java.util.Collections.unmodifiableMap(byPath), java.util.Collections.unmodifiableMap(byName));
    }

    private static String fingerprint(List<Manifest> manifests) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            manifests.stream()
                    .sorted(java.util.Comparator.comparing(Manifest::module))
                    .forEach(m -> digest.update(m.toString().getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
