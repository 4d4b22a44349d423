package io.prmos.metadata.catalog;

import io.prmos.metadata.model.EntityPermission;
import io.prmos.metadata.model.FieldAccess;
import io.prmos.metadata.model.PermissionSet;
import io.prmos.metadata.model.RecordScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which searchable fields of an entity each role that may read it can see. Search must match only
 * on fields the caller may read, so the engine keeps one search vector per distinct visible set
 * (engine ADR 0080); this is the input of that layout, computed with the same rule as the
 * permission evaluator ({@link EntityPermission#fieldAccess}): grants of every module count, and a
 * role's grants add up.
 */
public final class SearchVisibility {

    private SearchVisibility() {
    }

    /** Role → the names of the searchable fields it sees, in declaration order; roles without read access are absent. */
    public static Map<String, Set<String>> byRole(Catalog catalog, EntityDescriptor entity) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Map<String, ModuleDescriptor> modules = new LinkedHashMap<>();
        catalog.modules().forEach(m -> modules.put(m.name(), m));
        for (ModuleDescriptor module : catalog.modules()) {
            for (PermissionSet set : module.manifest().permissions()) {
                for (EntityPermission grant : set.entities()) {
                    if (grant.read() instanceof RecordScope.None
                            || Catalog.entityNamed(modules, module.name(), grant.entity()) != entity) {
                        continue;
                    }
                    Set<String> visible = out.computeIfAbsent(set.role(), r -> new LinkedHashSet<>());
                    for (FieldDescriptor field : entity.searchableFields()) {
                        if (grant.fieldAccess(field.name()) != FieldAccess.HIDDEN) {
                            visible.add(field.name());
                        }
                    }
                }
            }
        }
        out.replaceAll((role, fields) -> inDeclarationOrder(entity, fields));
        return out;
    }

    /** The distinct visible sets that are neither empty nor every searchable field, in role order. */
    public static List<Set<String>> partialSets(Catalog catalog, EntityDescriptor entity) {
        int all = entity.searchableFields().size();
        List<Set<String>> out = new ArrayList<>();
        for (Set<String> visible : byRole(catalog, entity).values()) {
            if (!visible.isEmpty() && visible.size() < all && !out.contains(visible)) {
                out.add(visible);
            }
        }
        return out;
    }

    private static Set<String> inDeclarationOrder(EntityDescriptor entity, Set<String> fields) {
        Set<String> ordered = new LinkedHashSet<>();
        entity.searchableFields().stream().map(FieldDescriptor::name).filter(fields::contains).forEach(ordered::add);
        return java.util.Collections.unmodifiableSet(ordered);
    }
}
