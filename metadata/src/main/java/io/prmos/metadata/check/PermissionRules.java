package io.prmos.metadata.check;

import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.EntityPermission;
import io.prmos.metadata.model.PermissionSet;
import io.prmos.metadata.model.PlatformRoles;
import io.prmos.metadata.model.RecordScope;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code roles} and {@code permissions}: role names are identifiers; a granted role is declared by
 * this module, by a module it requires (directly or not), or is a platform role; every entity and
 * field a grant names exists. Roles are global by name, so two modules may declare the same role.
 */
final class PermissionRules {

    private static final String[] SCOPED_OPERATIONS = {"read", "update", "delete", "restore"};

    private PermissionRules() {
    }

    static void check(ModuleContext context) {
        checkDeclarations(context);
        Set<String> visibleModules = requiredClosure(context);
        for (PermissionSet set : context.manifest().permissions()) {
            String rolePointer = Pointer.of("permissions", set.role());
            checkRoleVisible(context, rolePointer, set.role(), visibleModules);
            for (EntityPermission permission : set.entities()) {
                String pointer = Pointer.append(rolePointer, permission.entity());
                resolveEntity(context, pointer, permission.entity())
                        .ifPresent(entity -> checkGrant(context, pointer, entity, permission));
            }
        }
    }

    private static void checkDeclarations(ModuleContext context) {
        for (String role : context.manifest().roles().keySet()) {
            String pointer = Pointer.of("roles", role);
            if (PlatformRoles.isReserved(role)) {
                context.atKey(pointer, "'" + role + "' is a built-in platform role; it cannot be declared");
            } else {
                NameRules.identifier(role, "role name").ifPresent(m -> context.atKey(pointer, m));
            }
        }
    }

    /** This module and every module it requires, directly or through others. */
    static Set<String> requiredClosure(ModuleContext context) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(context.manifest().module());
        while (!pending.isEmpty()) {
            String module = pending.removeFirst();
            LoadedManifest loaded = module.equals(context.manifest().module()) ? context.loaded() : context.moduleSet().get(module);
            if (seen.add(module) && loaded != null) {
                pending.addAll(loaded.manifest().requires().keySet());
            }
        }
        return seen;
    }

    private static void checkRoleVisible(ModuleContext context, String pointer, String role, Set<String> visibleModules) {
        if (PlatformRoles.isPlatformRole(role)) {
            return;
        }
        if (PlatformRoles.PLATFORM_OPERATOR.equals(role)) {
            context.atKey(pointer, "'" + role + "' operates the platform (publishing modules); it is not a tenant role and "
                    + "cannot be granted record permissions");
            return;
        }
        for (String module : visibleModules) {
            LoadedManifest loaded = module.equals(context.manifest().module()) ? context.loaded() : context.moduleSet().get(module);
            if (loaded == null || loaded.manifest().roles().containsKey(role)) {
                return; // a required module missing from the set is reported on requires; it may declare the role
            }
        }
        Optional<String> declaredElsewhere = context.moduleSet().values().stream()
                .filter(m -> m.manifest().roles().containsKey(role))
                .map(m -> m.manifest().module())
                .findFirst();
        if (declaredElsewhere.isPresent()) {
            context.atKey(pointer, "role '" + role + "' is declared in module '" + declaredElsewhere.get()
                    + "', which this module does not require; add it to requires: or declare the role under roles:");
        } else {
            context.atKey(pointer, "role '" + role + "' is not declared; declare it under roles: or in a required module");
        }
    }

    /** {@code Partner} is an entity of this module; {@code partners.Partner} one of a required module. */
    private static Optional<EntityDef> resolveEntity(ModuleContext context, String pointer, String ref) {
        String own = context.manifest().module();
        int dot = ref.indexOf('.');
        String module = dot < 0 ? own : ref.substring(0, dot);
        String name = dot < 0 ? ref : ref.substring(dot + 1);
        LoadedManifest target;
        if (module.equals(own)) {
            target = context.loaded();
        } else if (!context.manifest().requires().containsKey(module)) {
            context.atKey(pointer, "module '" + module + "' is not in requires; add it to grant permissions on '" + ref + "'");
            return Optional.empty();
        } else {
            target = context.moduleSet().get(module);
            if (target == null) {
                return Optional.empty(); // the missing module is reported on requires
            }
        }
        EntityDef entity = target.manifest().entities().get(name);
        if (entity == null) {
            context.atKey(pointer, "entity '" + name + "' is not declared in module '" + module + "'");
        }
        return Optional.ofNullable(entity);
    }

    private static void checkGrant(ModuleContext context, String pointer, EntityDef entity, EntityPermission permission) {
        for (String field : permission.fields().keySet()) {
            if (!entity.fields().containsKey(field)) {
                context.atKey(Pointer.append(Pointer.append(pointer, "fields"), field),
                        "'" + field + "' is not a field of entity '" + entity.name() + "'");
            }
        }
        Map<String, RecordScope> scopes = Map.of("read", permission.read(), "update", permission.update(),
                "delete", permission.delete(), "restore", permission.restore());
        for (String operation : SCOPED_OPERATIONS) {
            RecordScope scope = scopes.get(operation);
            if (scope instanceof RecordScope.Rule rule) {
                String wherePointer = Pointer.append(Pointer.append(pointer, operation), "where");
                new WhereRules(entity, message -> context.atValue(wherePointer, message)).check(rule.filter());
            }
        }
    }
}
