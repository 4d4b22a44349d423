package io.prmos.metadata.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.model.ModuleUi;
import java.util.ArrayList;
import java.util.List;

/** Maps the module-level {@code ui} node (slots, extension pages and widgets) to {@link ModuleUi}. */
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
        List<ModuleUi.PageExtension> pages = new ArrayList<>();
        for (JsonNode page : node.path("pages")) {
            pages.add(new ModuleUi.PageExtension(page.path("name").asText(), ManifestMapper.text(page, "title"),
                    ManifestMapper.text(page, "icon"), page.path("entry").asText(), ManifestMapper.strings(page.path("roles")),
                    page.path("strict").asBoolean(false)));
        }
        List<ModuleUi.WidgetExtension> widgets = new ArrayList<>();
        for (JsonNode widget : node.path("widgets")) {
            widgets.add(new ModuleUi.WidgetExtension(widget.path("name").asText(), ManifestMapper.text(widget, "title"),
                    widget.path("entry").asText(), ManifestMapper.strings(widget.path("slots")),
                    ManifestMapper.strings(widget.path("props")), ManifestMapper.strings(widget.path("roles")),
                    widget.path("strict").asBoolean(false)));
        }
        return new ModuleUi(slots, pages, widgets);
    }
}
