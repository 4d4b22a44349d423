package io.prmos.metadata.check;

import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.ModuleUi;
import io.prmos.metadata.model.PlatformRoles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * UI extensions ({@code ui.pages}, {@code ui.widgets}): names are unique across the module's pages and
 * widgets; required roles are declared by this module or one it requires (or are platform roles);
 * a widget's slot names an entity its host module declares (a slot of a module absent from the set
 * is ignored, as for built-in slot widgets); the entry stays inside {@code ui/} and, when the module's
 * folder is known, exists there. The schema already checked the shapes (name, entry, slot, props).
 */
final class UiExtensionRules {

    private UiExtensionRules() {
    }

    static void check(ModuleContext context, ModuleFolders folders) {
        ModuleUi ui = context.manifest().ui();
        Set<String> visible = PermissionRules.requiredClosure(context);
        Optional<Path> sources = folders.folderOf(context.loaded()).map(f -> f.resolve(ModuleUi.SOURCE_FOLDER));
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < ui.pages().size(); i++) {
            ModuleUi.PageExtension page = ui.pages().get(i);
            String pointer = Pointer.of("ui", "pages", String.valueOf(i));
            checkName(context, names, page.name(), pointer);
            checkRoles(context, pointer, page.roles(), visible);
            checkEntry(context, sources, page.entry(), pointer);
        }
        for (int i = 0; i < ui.widgets().size(); i++) {
            ModuleUi.WidgetExtension widget = ui.widgets().get(i);
            String pointer = Pointer.of("ui", "widgets", String.valueOf(i));
            checkName(context, names, widget.name(), pointer);
            checkSlots(context, widget.slots(), pointer);
            checkRoles(context, pointer, widget.roles(), visible);
            checkEntry(context, sources, widget.entry(), pointer);
        }
    }

    private static void checkName(ModuleContext context, Map<String, String> names, String name, String pointer) {
        String first = names.putIfAbsent(name, pointer);
        if (first != null) {
            context.atValue(Pointer.append(pointer, "name"), "name '" + name + "' is already used by " + first
                    + "; page and widget names are unique within a module");
        }
    }

    private static void checkSlots(ModuleContext context, List<String> slots, String pointer) {
        for (int s = 0; s < slots.size(); s++) {
            String target = slots.get(s);
            String at = Pointer.append(Pointer.append(pointer, "slots"), s);
            if (slots.indexOf(target) < s) {
                context.atValue(at, "slot '" + target + "' is listed twice");
                continue;
            }
            // module.Entity.detail.region, as the schema's pattern guarantees
            String[] parts = target.split("\\.");
            String hostModule = parts[0];
            String hostEntity = parts[1];
            boolean own = hostModule.equals(context.manifest().module());
            LoadedManifest host = own ? context.loaded() : context.moduleSet().get(hostModule);
            if (host != null && !host.manifest().entities().containsKey(hostEntity)) {
                context.atValue(at, "unknown slot '" + target + "': module '" + hostModule + "' declares no entity '" + hostEntity + "'");
            }
        }
    }

    private static void checkRoles(ModuleContext context, String pointer, List<String> roles, Set<String> visible) {
        for (int r = 0; r < roles.size(); r++) {
            String role = roles.get(r);
            if (PlatformRoles.isPlatformRole(role)) {
                continue;
            }
            boolean declared = visible.stream().anyMatch(module -> {
                LoadedManifest loaded = module.equals(context.manifest().module()) ? context.loaded() : context.moduleSet().get(module);
                return loaded == null || loaded.manifest().roles().containsKey(role);
            });
            if (!declared) {
                context.atValue(Pointer.append(Pointer.append(pointer, "roles"), r),
                        "unknown role '" + role + "': it is not declared in this module or a module it requires");
            }
        }
    }

    private static void checkEntry(ModuleContext context, Optional<Path> sources, String entry, String pointer) {
        String at = Pointer.append(pointer, "entry");
        if (List.of(entry.split("/")).stream().anyMatch(segment -> segment.equals("..") || segment.equals(".") || segment.isEmpty())) {
            context.atValue(at, "entry '" + entry + "' must be a plain path inside the module's ui/ folder (no '.', '..' or empty segments)");
            return;
        }
        if (sources.isPresent() && !Files.isRegularFile(sources.get().resolve(entry))) {
            context.atValue(at, "entry file '" + ModuleUi.SOURCE_FOLDER + "/" + entry + "' does not exist in the module's folder");
        }
    }
}
