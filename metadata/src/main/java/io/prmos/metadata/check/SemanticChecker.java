package io.prmos.metadata.check;

import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestProblem;
import io.prmos.metadata.load.Pointer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a module set (manifests that passed the schema) for everything the schema cannot see and
 * returns all problems, sorted by file and position. An empty list means the set may be compiled.
 */
public final class SemanticChecker {

    private final ModuleFolders folders;

    /** Checks manifests without looking at files next to them (a manifest published as text). */
    public SemanticChecker() {
        this(ModuleFolders.UNKNOWN);
    }

    /** Checks manifests and, where {@code folders} knows a module's folder, the files the manifest names there. */
    public SemanticChecker(ModuleFolders folders) {
        this.folders = folders;
    }

    /** Checks the manifests together: references across modules resolve only within this set. */
    public List<ManifestProblem> check(List<LoadedManifest> modules) {
        Problems problems = new Problems();
        Map<String, LoadedManifest> byName = indexByModule(modules, problems);
        for (LoadedManifest module : modules) {
            ModuleContext context = new ModuleContext(module, byName, problems);
            ModuleRules.check(context);
            EntityRules.check(context);
            PermissionRules.check(context);
            MigrationRules.check(context);
            BehaviourRules.check(context);
            ExpressionRules.check(context);
            AutomationRules.check(context);
            AgentRules.check(context);
            EventRules.check(context);
            RegistryRules.check(context);
            StorageRules.check(context);
            SlotRules.check(context);
            UiExtensionRules.check(context, folders);
            problems.addAll(module.ruleProblems());
        }
        DependencyRules.check(modules, byName, problems);
        return problems.sorted();
    }

    /** Convenience for a single manifest; its {@code requires} must then be empty to pass. */
    public List<ManifestProblem> check(LoadedManifest module) {
        return check(List.of(module));
    }

    private static Map<String, LoadedManifest> indexByModule(List<LoadedManifest> modules, Problems problems) {
        Map<String, LoadedManifest> byName = new LinkedHashMap<>();
        for (LoadedManifest module : modules) {
            LoadedManifest previous = byName.putIfAbsent(module.manifest().module(), module);
            if (previous != null) {
                problems.atValue(module, Pointer.of("module"), "module '" + module.manifest().module()
                        + "' is already defined in " + previous.file());
            }
        }
        return byName;
    }
}
