package io.prmos.metadata.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.model.ModuleUi;
import java.util.ArrayList;
import java.util.List;

/** Maps the module-level {@code ui} node (slots) to {@link ModuleUi}. */
final class ModuleUiMapper {

    private ModuleUiMapper() {
    }

    static ModuleUi map(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return ModuleUi.NONE;
        }
        List<ModuleUi.Slot> slots = new ArrayList<>();
        for (JsonNode slot : node.path("slots")) {
            slots.add(new ModuleUi.Slot(
                    slot.path("target").asText(),
                    ModuleUi.Widget.of(slot.path("widget").asText())
                            .orElseThrow(() -> new IllegalStateException("schema admitted an unknown widget")),
                    slot.path("entity").asText(),
                    ManifestMapper.text(slot, "field"),
                    ManifestMapper.text(slot, "title"),
                    ManifestMapper.strings(slot.path("columns")),
                    ManifestMapper.text(slot, "filter")));
        }
        return new ModuleUi(slots);
    }
}
