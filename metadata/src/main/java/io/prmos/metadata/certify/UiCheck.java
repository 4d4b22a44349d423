package io.prmos.metadata.certify;

import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.ModuleUi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * UI contributions use only design-system components: a slot's built-in widget must be one the web
 * runtime's design system renders, and the module's own React pages and widgets (ui.pages, ui.widgets)
 * should declare {@code strict: true}, so that {@code prm validate} refuses — not only warns about —
 * tables, forms and pickers imported from outside {@code @prm/ui} (the imports themselves are checked
 * when the ui/ folder is built, which needs Node: docs/ui-extensions.md).
 */
final class UiCheck {

    /** The slot widgets ui-runtime renders from its design system (ui-runtime/src/slots). */
    static final Set<ModuleUi.Widget> DESIGN_SYSTEM_WIDGETS = Set.of(ModuleUi.Widget.RELATED_LIST, ModuleUi.Widget.SUMMARY_CARD);

    private UiCheck() {
    }

    static CheckResult run(LoadedManifest loaded) {
        List<Finding> findings = new ArrayList<>();
        List<ModuleUi.Slot> slots = loaded.manifest().ui().slots();
        for (int i = 0; i < slots.size(); i++) {
            if (!DESIGN_SYSTEM_WIDGETS.contains(slots.get(i).widget())) {
                findings.add(Finding.fail(Locations.at(loaded, Pointer.of("ui", "slots") + "/" + i),
                        "slot widget " + slots.get(i).widget().manifestName() + " is not a design-system component"));
            }
        }
        ModuleUi ui = loaded.manifest().ui();
        for (int i = 0; i < ui.pages().size(); i++) {
            if (!ui.pages().get(i).strict()) {
                findings.add(Finding.warn(Locations.at(loaded, Pointer.of("ui", "pages") + "/" + i),
                        "page " + ui.pages().get(i).name() + " is not strict: components from outside the design system are only a warning"));
            }
        }
        for (int i = 0; i < ui.widgets().size(); i++) {
            if (!ui.widgets().get(i).strict()) {
                findings.add(Finding.warn(Locations.at(loaded, Pointer.of("ui", "widgets") + "/" + i),
                        "widget " + ui.widgets().get(i).name() + " is not strict: components from outside the design system are only a warning"));
            }
        }
        int code = ui.pages().size() + ui.widgets().size();
        String extensions = code == 0 ? "modules carry no UI code"
                : ui.pages().size() + " page(s) and " + ui.widgets().size() + " widget(s) in React against @prm/ui";
        String summary = slots.isEmpty() && code == 0 ? "no UI extensions; pages are generated from metadata"
                : slots.size() + " slot(s), all design-system widgets; " + extensions;
        return CheckResult.of(CheckIds.UI, CheckIds.title(CheckIds.UI), summary, findings);
    }
}
