package io.prmos.metadata.certify;

import io.prmos.metadata.filter.FieldPath;
import io.prmos.metadata.filter.Filter;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.EntityPermission;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import io.prmos.metadata.model.IndexDef;
import io.prmos.metadata.model.Manifest;
import io.prmos.metadata.model.PermissionSet;
import io.prmos.metadata.model.RecordScope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The security review's lint of a module's permissions:
 * <ul>
 *   <li>every role that reaches the module (granted anything in it, or named by a transition, action or
 *       event's {@code emit}) has an explicit entry for every entity of the module — a denial is written
 *       down, not implied;</li>
 *   <li>no role may write what it cannot read: create/update granted with read {@code none}, or update
 *       on all records with read on fewer;</li>
 *   <li>record rules ({@code where}) name only indexed fields, so the predicate added to every query of
 *       the role stays an index lookup;</li>
 *   <li>a warning for {@code delete: all} on an audited entity.</li>
 * </ul>
 */
final class PermissionLint {

    /** System columns with an index of their own (the primary key and the creation-order index). */
    private static final Set<String> INDEXED_SYSTEM = Set.of("id", "created_at");

    private final LoadedManifest loaded;
    private final Map<String, LoadedManifest> moduleSet;
    private final List<Finding> findings = new ArrayList<>();

    private PermissionLint(LoadedManifest loaded, Map<String, LoadedManifest> moduleSet) {
        this.loaded = loaded;
        this.moduleSet = moduleSet;
    }

    static CheckResult run(LoadedManifest loaded, Map<String, LoadedManifest> moduleSet) {
        PermissionLint lint = new PermissionLint(loaded, moduleSet);
        Set<String> roles = lint.reachingRoles();
        roles.forEach(lint::explicitEntries);
        for (PermissionSet set : loaded.manifest().permissions()) {
            for (EntityPermission permission : set.entities()) {
                lint.writeWithoutRead(set.role(), permission);
                lint.rulesOnIndexedFields(set.role(), permission);
                lint.deleteAllAudited(set.role(), permission);
            }
        }
        String summary = roles.size() + " role(s) reach the module (" + String.join(", ", roles) + "); "
                + loaded.manifest().entities().size() + " entit" + (loaded.manifest().entities().size() == 1 ? "y" : "ies") + " reviewed";
        return CheckResult.of(CheckIds.SECURITY, CheckIds.title(CheckIds.SECURITY), summary, lint.findings);
    }

    private Set<String> reachingRoles() {
        Manifest m = loaded.manifest();
        Set<String> roles = new LinkedHashSet<>();
        m.permissions().stream().filter(p -> !p.entities().isEmpty()).forEach(p -> roles.add(p.role()));
        for (EntityDef entity : m.entities().values()) {
            entity.workflow().ifPresent(w -> w.transitions().values().forEach(t -> roles.addAll(t.roles())));
            entity.actions().values().forEach(a -> roles.addAll(a.roles()));
        }
        m.events().publishes().values().forEach(e -> roles.addAll(e.emit()));
        return roles;
    }

    private void explicitEntries(String role) {
        Optional<PermissionSet> set = loaded.manifest().permissions().stream().filter(p -> p.role().equals(role)).findFirst();
        for (String entity : loaded.manifest().entities().keySet()) {
            boolean listed = set.isPresent() && set.get().entities().stream().anyMatch(p -> ownEntity(p.entity()).filter(entity::equals).isPresent());
            if (!listed) {
                String pointer = set.isPresent() ? Pointer.of("permissions", role) : Pointer.of("permissions");
                findings.add(Finding.fail(Locations.at(loaded, pointer), "role " + role + " reaches the module but has no explicit permissions on "
                        + entity + "; write them, or deny explicitly with " + entity + ": { read: none }"));
            }
        }
    }

    private void writeWithoutRead(String role, EntityPermission p) {
        String at = Locations.at(loaded, Pointer.of("permissions", role, p.entity()));
        boolean writes = p.create() || !(p.update() instanceof RecordScope.None);
        if (writes && p.read() instanceof RecordScope.None) {
            findings.add(Finding.fail(at, "role " + role + " may write " + p.entity() + " but cannot read it"));
        } else if (p.update() instanceof RecordScope.All && !(p.read() instanceof RecordScope.All)) {
            findings.add(Finding.fail(at, "role " + role + " may update every " + p.entity() + " but reads only some"));
        }
    }

    private void rulesOnIndexedFields(String role, EntityPermission p) {
        Optional<EntityDef> entity = entity(p.entity());
        if (entity.isEmpty()) {
            return;
        }
        Map<String, RecordScope> scopes = new java.util.LinkedHashMap<>();
        scopes.put("read", p.read());
        scopes.put("update", p.update());
        scopes.put("delete", p.delete());
        scopes.put("restore", p.restore());
        scopes.forEach((operation, scope) -> {
            if (scope instanceof RecordScope.Rule rule) {
                for (FieldPath field : fields(rule.filter(), new ArrayList<>())) {
                    if (!indexed(entity.get(), field.field())) {
                        findings.add(Finding.fail(Locations.at(loaded, Pointer.of("permissions", role, p.entity(), operation)),
                                "the " + operation + " rule of " + role + " on " + p.entity() + " names '" + field.field()
                                        + "', which has no index: make it filterable or sortable, or declare an index starting with it"));
                    }
                }
            }
        });
    }

    private void deleteAllAudited(String role, EntityPermission p) {
        Optional<EntityDef> entity = entity(p.entity());
        if (entity.isPresent() && entity.get().features().audit() && p.delete() instanceof RecordScope.All) {
            findings.add(Finding.warn(Locations.at(loaded, Pointer.of("permissions", role, p.entity(), "delete")),
                    "role " + role + " may delete every record of the audited entity " + p.entity()));
        }
    }

    private static boolean indexed(EntityDef entity, String name) {
        if (INDEXED_SYSTEM.contains(name)) {
            return true;
        }
        FieldDef field = entity.fields().get(name);
        if (field == null) {
            return false;
        }
        return field.unique() || field.sortable() || field.filterable() || field.type() instanceof FieldType.Reference
                || entity.indexes().stream().map(IndexDef::fields).anyMatch(f -> !f.isEmpty() && f.get(0).equals(name));
    }

    private static List<FieldPath> fields(Filter filter, List<FieldPath> out) {
        if (filter instanceof Filter.And and) {
            and.operands().forEach(f -> fields(f, out));
        } else if (filter instanceof Filter.Or or) {
            or.operands().forEach(f -> fields(f, out));
        } else if (filter instanceof Filter.Not not) {
            fields(not.operand(), out);
        } else if (filter instanceof Filter.Comparison c) {
            out.add(c.field());
        } else if (filter instanceof Filter.InList in) {
            out.add(in.field());
        } else if (filter instanceof Filter.IsNull n) {
            out.add(n.field());
        }
        return out;
    }

    /** {@code Partner} or {@code partners.Partner} of this module, as the entity's simple name. */
    private Optional<String> ownEntity(String written) {
        String module = loaded.manifest().module();
        if (written.startsWith(module + ".")) {
            return Optional.of(written.substring(module.length() + 1));
        }
        return written.contains(".") ? Optional.empty() : Optional.of(written);
    }

    private Optional<EntityDef> entity(String written) {
        int dot = written.indexOf('.');
        if (dot < 0) {
            return Optional.ofNullable(loaded.manifest().entities().get(written));
        }
        LoadedManifest owner = moduleSet.get(written.substring(0, dot));
        return owner == null ? Optional.empty() : Optional.ofNullable(owner.manifest().entities().get(written.substring(dot + 1)));
    }
}
