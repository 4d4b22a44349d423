package io.prmos.engine.security;

import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.catalog.ModuleSetCompiler;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.model.EntityPermission;
import io.prmos.metadata.model.FieldAccess;
import io.prmos.metadata.model.Manifest;
import io.prmos.metadata.model.PermissionSet;
import io.prmos.metadata.model.RecordScope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The test's own reading of the manifests' permissions, written from docs/manifest.md and
 * independent of the engine's PermissionEvaluator: which grants a user's roles collect for an
 * entity, and what they add up to per operation and per field.
 */
final class PermissionOracle {

    enum Op { READ, CREATE, UPDATE, DELETE, RESTORE, BULK }

    private final Catalog catalog;
    private final List<Manifest> manifests;

    private PermissionOracle(Catalog catalog, List<Manifest> manifests) {
        this.catalog = catalog;
        this.manifests = manifests;
    }

    static PermissionOracle load(Path modulesRoot) {
        ModuleSetCompiler.Result result = new ModuleSetCompiler().compileDirectory(modulesRoot);
        if (!result.ok()) {
            throw new IllegalStateException("sample modules do not compile: " + result.problems());
        }
        return new PermissionOracle(result.catalog().orElseThrow(), result.manifests().stream().map(LoadedManifest::manifest).toList());
    }

    Catalog catalog() {
        return catalog;
    }

    /** Every grant any of {@code roles} receives for {@code entity}, from any module. */
    List<EntityPermission> grants(Set<String> roles, EntityDescriptor entity) {
        List<EntityPermission> out = new ArrayList<>();
        for (Manifest m : manifests) {
            for (PermissionSet set : m.permissions()) {
                if (!roles.contains(set.role())) {
                    continue;
                }
                for (EntityPermission grant : set.entities()) {
                    if (qualified(m.module(), grant.entity()).equals(entity.qualifiedName())) {
                        out.add(grant);
                    }
                }
            }
        }
        return out;
    }

    private static String qualified(String module, String entity) {
        return entity.contains(".") ? entity : module + "." + entity;
    }

    /** The scopes (never None) the roles grant for an operation; empty = denied. Create and bulk become All. */
    List<RecordScope> scopes(Set<String> roles, EntityDescriptor entity, Op op) {
        List<RecordScope> out = new ArrayList<>();
        for (EntityPermission g : grants(roles, entity)) {
            RecordScope s = switch (op) {
                case READ -> g.read();
                case UPDATE -> g.update();
                case DELETE -> g.delete();
                case RESTORE -> g.restore();
                case CREATE -> g.create() ? RecordScope.ALL : RecordScope.NONE;
                case BULK -> g.bulk() ? RecordScope.ALL : RecordScope.NONE;
            };
            if (!(s instanceof RecordScope.None)) {
                out.add(s);
            }
        }
        return out;
    }

    boolean allowed(Set<String> roles, EntityDescriptor entity, Op op) {
        return !scopes(roles, entity, op).isEmpty();
    }

    /** Widest access over the grants that read at all; a field nobody lists follows the grant's create/update. */
    FieldAccess visibility(Set<String> roles, EntityDescriptor entity, FieldDescriptor field) {
        FieldAccess widest = FieldAccess.HIDDEN;
        for (EntityPermission g : grants(roles, entity)) {
            if (!(g.read() instanceof RecordScope.None)) {
                widest = FieldAccess.max(widest, access(g, field));
            }
        }
        return widest;
    }

    /** Whether a body may set the field: some grant that may write (create/update) gives WRITE, and the field is not readOnly. */
    boolean writable(Set<String> roles, EntityDescriptor entity, FieldDescriptor field, Op op) {
        if (field.def().readOnly()) {
            return false;
        }
        for (EntityPermission g : grants(roles, entity)) {
            boolean writes = op == Op.CREATE ? g.create() : !(g.update() instanceof RecordScope.None);
            if (writes && access(g, field) == FieldAccess.WRITE) {
                return true;
            }
        }
        return false;
    }

    private static FieldAccess access(EntityPermission g, FieldDescriptor field) {
        FieldAccess declared = g.fields().get(field.name());
        if (declared != null) {
            return declared;
        }
        return g.create() || !(g.update() instanceof RecordScope.None) ? FieldAccess.WRITE : FieldAccess.READ;
    }

    /** Every rule any role writes for the entity, for building records on both sides of it. */
    List<RecordScope.Rule> rules(EntityDescriptor entity) {
        List<RecordScope.Rule> out = new ArrayList<>();
        for (Manifest m : manifests) {
            for (PermissionSet set : m.permissions()) {
                for (EntityPermission g : set.entities()) {
                    if (qualified(m.module(), g.entity()).equals(entity.qualifiedName())) {
                        for (RecordScope s : List.of(g.read(), g.update(), g.delete(), g.restore())) {
                            if (s instanceof RecordScope.Rule r) {
                                out.add(r);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Every role any manifest grants something to. */
    Set<String> grantedRoles() {
        Set<String> roles = new java.util.TreeSet<>();
        manifests.forEach(m -> m.permissions().forEach(set -> roles.add(set.role())));
        return roles;
    }

    Manifest manifest(String module) {
        return manifests.stream().filter(m -> m.module().equals(module)).findFirst().orElseThrow();
    }
}
