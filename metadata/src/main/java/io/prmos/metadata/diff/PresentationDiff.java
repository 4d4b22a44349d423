package io.prmos.metadata.diff;

import io.prmos.metadata.model.EntityPermission;
import io.prmos.metadata.model.Manifest;
import io.prmos.metadata.model.PermissionSet;
import io.prmos.metadata.model.RoleDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Module-level changes with no effect on the schema: title, description, navigation, UI slots, declared roles
 * and granted permissions. They are classified cosmetic; the engine applies them when the new
 * catalog is swapped in.
 */
final class PresentationDiff {

    private PresentationDiff() {
    }

    static void compareModule(Manifest installed, Manifest candidate, Findings findings) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(installed.title(), candidate.title())) changed.add("title");
        if (!Objects.equals(installed.description(), candidate.description())) changed.add("description");
        if (!installed.navigation().equals(candidate.navigation())) changed.add("navigation");
        if (!installed.ui().equals(candidate.ui())) changed.add("ui slots");
        if (!changed.isEmpty()) {
            findings.cosmetic(candidate.module(), String.join(", ", changed) + " changed");
        }
    }

    static void compareRoles(Manifest installed, Manifest candidate, Findings findings) {
        for (String role : union(installed.roles().keySet(), candidate.roles().keySet())) {
            RoleDef before = installed.roles().get(role);
            RoleDef after = candidate.roles().get(role);
            String target = "roles." + role;
            if (before == null) {
                findings.cosmetic(target, "role declared");
            } else if (after == null) {
                findings.cosmetic(target, "role no longer declared");
            } else if (!before.equals(after)) {
                findings.cosmetic(target, "label or description changed");
            }
        }
    }

    static void comparePermissions(Manifest installed, Manifest candidate, Findings findings) {
        Map<String, List<EntityPermission>> before = byRole(installed.permissions());
        Map<String, List<EntityPermission>> after = byRole(candidate.permissions());
        for (String role : union(before.keySet(), after.keySet())) {
            if (!Objects.equals(before.get(role), after.get(role))) {
                String what = !before.containsKey(role) ? "grants added" : !after.containsKey(role) ? "grants removed" : "grants changed";
                findings.cosmetic("permissions." + role, what);
            }
        }
    }

    private static Map<String, List<EntityPermission>> byRole(List<PermissionSet> sets) {
        Map<String, List<EntityPermission>> out = new LinkedHashMap<>();
        sets.forEach(set -> out.put(set.role(), set.entities()));
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
