package io.prmos.metadata.catalog;

import io.prmos.metadata.model.DictionaryDef;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.EntityPermission;
import io.prmos.metadata.model.FieldAccess;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.Manifest;
import io.prmos.metadata.model.PermissionSet;
import io.prmos.metadata.overlay.CustomField;
import io.prmos.metadata.overlay.TenantOverlay;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a tenant's view of a catalog: the installed modules with the tenant's custom fields
 * appended to their entities (as {@link FieldDescriptor#custom custom} descriptors), per-role
 * access of those fields merged into the permission sets, and extensible dictionaries replaced by
 * the tenant's effective values. Every consumer of a catalog (validation, queries, permissions,
 * OpenAPI, UI metadata) then treats custom fields exactly like declared ones.
 *
 * <p>Modules the overlay does not touch keep their descriptors, so per-entity caches stay shared
 * between tenants. A custom field whose entity no longer exists (the module dropped it) is skipped:
 * it stays stored and comes back if the entity does.
 */
public final class TenantCatalogCompiler {

    public Catalog compile(Catalog base, TenantOverlay overlay) {
        if (overlay.isEmpty()) {
            return base;
        }
        Map<String, ModuleDescriptor> modules = new LinkedHashMap<>();
        for (ModuleDescriptor module : base.modules()) {
            modules.put(module.name(), overlay.touches(module.name()) || grantsCustomField(module, overlay)
                    ? compileModule(module, overlay) : module);
        }
        return new Catalog(modules, base.fingerprint() + "+" + overlay.tenant() + "." + overlay.revision());
    }

    private static boolean grantsCustomField(ModuleDescriptor module, TenantOverlay overlay) {
        return overlay.fields().stream().anyMatch(f -> !f.access().isEmpty());
    }

    private ModuleDescriptor compileModule(ModuleDescriptor module, TenantOverlay overlay) {
        Manifest m = module.manifest();
        Map<String, EntityDef> entities = new LinkedHashMap<>();
        Map<String, List<FieldDescriptor>> customByEntity = new LinkedHashMap<>();
        for (EntityDef entity : m.entities().values()) {
            List<CustomField> custom = overlay.fields().stream()
                    .filter(f -> f.module().equals(m.module()) && f.entity().equals(entity.name())
                            && !entity.fields().containsKey(f.name()))
                    .toList();
            entities.put(entity.name(), custom.isEmpty() ? entity : withFields(entity, custom));
            customByEntity.put(entity.name(), custom.stream().map(f -> FieldDescriptor.custom(f.def())).toList());
        }
        Manifest effective = m.withOverlay(dictionaries(m, overlay), Collections.unmodifiableMap(entities),
                permissions(m, overlay));
        Map<String, EntityDescriptor> byPath = new LinkedHashMap<>();
        Map<String, EntityDescriptor> byName = new LinkedHashMap<>();
        for (EntityDescriptor entity : module.entities()) {
            List<FieldDescriptor> fields = new ArrayList<>(entity.fields());
            fields.addAll(customByEntity.getOrDefault(entity.name(), List.of()));
            EntityDescriptor descriptor = new EntityDescriptor(entity.module(), effective.entities().get(entity.name()),
                    entity.path(), entity.schema(), fields);
            byPath.put(entity.path(), descriptor);
            byName.put(entity.name(), descriptor);
        }
        return new ModuleDescriptor(effective, module.schema(), Collections.unmodifiableMap(byPath),
                Collections.unmodifiableMap(byName));
    }

    private static EntityDef withFields(EntityDef entity, List<CustomField> custom) {
        Map<String, FieldDef> fields = new LinkedHashMap<>(entity.fields());
        custom.forEach(f -> fields.put(f.name(), f.def()));
        return entity.withFields(Collections.unmodifiableMap(fields));
    }

    private static Map<String, DictionaryDef> dictionaries(Manifest m, TenantOverlay overlay) {
        Map<String, DictionaryDef> out = new LinkedHashMap<>();
        for (DictionaryDef d : m.dictionaries().values()) {
            List<DictionaryDef.Value> values = d.extensible() ? overlay.dictionaries().get(m.module() + "." + d.name()) : null;
            out.put(d.name(), values == null ? d : new DictionaryDef(d.name(), d.label(), values, true));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Adds each custom field's per-role access to the grants those roles hold on its entity. */
    private static List<PermissionSet> permissions(Manifest m, TenantOverlay overlay) {
        List<PermissionSet> sets = new ArrayList<>();
        for (PermissionSet set : m.permissions()) {
            List<EntityPermission> grants = new ArrayList<>();
            for (EntityPermission grant : set.entities()) {
                String qualified = grant.entity().contains(".") ? grant.entity() : m.module() + "." + grant.entity();
                Map<String, FieldAccess> fields = new LinkedHashMap<>(grant.fields());
                for (CustomField field : overlay.fields()) {
                    FieldAccess access = field.access().get(set.role());
                    if (access != null && field.qualifiedEntity().equals(qualified)) {
                        fields.put(field.name(), access);
                    }
                }
                grants.add(new EntityPermission(grant.entity(), grant.read(), grant.create(), grant.update(), grant.delete(),
                        grant.restore(), grant.bulk(), Collections.unmodifiableMap(fields)));
            }
            sets.add(new PermissionSet(set.role(), List.copyOf(grants)));
        }
        return List.copyOf(sets);
    }
}
