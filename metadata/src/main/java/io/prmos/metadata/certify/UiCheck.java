package io.prmos.metadata.certify;

import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.ModuleUi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * UI contributions use only design-system components. Modules cannot ship UI code yet: their UI is
 * entity hints and slots, and a slot's widget must be one the web runtime's design system renders.
 * When module UI extensions exist, their component imports are checked here too.
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
        String summary = slots.isEmpty() ? "no UI extensions; pages are generated from metadata"
                : slots.size() + " slot(s), all design-system widgets; modules carry no UI code (no custom components possible yet)";
        return CheckResult.of(CheckIds.UI, CheckIds.title(CheckIds.UI), summary, findings);
    }
}
