package io.prmos.metadata.model;

import java.util.List;
import java.util.Optional;

/**
 * Module-level UI contributions: built-in widgets this module places into pages of other modules (or
 * its own) through named slots, and the module's own UI extensions — pages and widgets written in
 * React against the design system, whose sources live in the module's {@code ui/} folder
 * (docs/ui-extensions.md). Modules never import each other's UI.
 */
public record ModuleUi(List<Slot> slots, List<PageExtension> pages, List<WidgetExtension> widgets) {

    public static final ModuleUi NONE = new ModuleUi(List.of(), List.of(), List.of());

    /** The folder, next to the manifest, that holds the sources of the module's extensions. */
    public static final String SOURCE_FOLDER = "ui";

    /** Props the shell hands to a widget in a detail slot, by name. */
    public static final List<String> WIDGET_PROPS = List.of("recordUrn", "recordId", "entity");

    public ModuleUi {
        slots = List.copyOf(slots);
        pages = List.copyOf(pages);
        widgets = List.copyOf(widgets);
    }

    public ModuleUi(List<Slot> slots) {
        this(slots, List.of(), List.of());
    }

    /**
     * A page of this module: a new route in its navigation, rendered by the default export of {@code entry}.
     *
     * @param name   unique among the module's pages and widgets (kebab-case; part of the route)
     * @param entry  the source file, relative to the module's {@code ui/} folder
     * @param roles  the caller needs one of them to see the page; empty means every signed-in user
     * @param strict the design-system rule (standard patterns from {@code @prm/ui} only) is an error, not a warning
     */
    public record PageExtension(String name, Optional<String> title, Optional<String> icon, String entry, List<String> roles,
                                boolean strict) {
        public PageExtension {
            roles = List.copyOf(roles);
        }
    }

    /**
     * A widget of this module placed into slots, rendered by the default export of {@code entry}.
     *
     * @param slots targets like {@code deals.Deal.detail.sidebar} (the vocabulary of {@link Slot#target()})
     * @param props what the widget receives from the page it sits on, from {@link #WIDGET_PROPS}
     */
    public record WidgetExtension(String name, Optional<String> title, String entry, List<String> slots, List<String> props,
                                  List<String> roles, boolean strict) {
        public WidgetExtension {
            slots = List.copyOf(slots);
            props = List.copyOf(props);
            roles = List.copyOf(roles);
        }
    }

    /** The kind of widget a slot shows. */
    public enum Widget {
        /** Records of this module's entity that reference the host record. */
        RELATED_LIST("relatedList"),
        /** A summary of the record of this module's entity the host record references. */
        SUMMARY_CARD("summaryCard");

        private final String manifestName;

        Widget(String manifestName) {
            this.manifestName = manifestName;
        }

        public String manifestName() {
            return manifestName;
        }

        public static Optional<Widget> of(String name) {
            for (Widget widget : values()) {
                if (widget.manifestName.equals(name)) {
                    return Optional.of(widget);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One widget placed into a slot.
     *
     * @param target  {@code module.Entity.detail.sidebar} or {@code module.Entity.detail.main}
     * @param entity  an entity of the declaring module whose records the widget shows
     * @param field   the reference field linking host and widget entity: on the widget entity for a
     *                related list, on the host entity for a summary card; empty when unambiguous
     * @param title   heading of the widget; defaults to the widget entity's plural label (list) or label (card)
     * @param columns fields of the widget entity to show; empty means the entity's list columns
     * @param filter  an extra filter (API filter language) on the widget entity's records
     */
    public record Slot(String target, Widget widget, String entity, Optional<String> field, Optional<String> title,
                       List<String> columns, Optional<String> filter) {

        public Slot {
            columns = List.copyOf(columns);
        }

        public String hostModule() {
            return target.substring(0, target.indexOf('.'));
        }

        public String hostEntity() {
            String rest = target.substring(target.indexOf('.') + 1);
            return rest.substring(0, rest.indexOf('.'));
        }

        /** {@code sidebar} or {@code main}. */
        public String region() {
            return target.substring(target.lastIndexOf('.') + 1);
        }
    }
}
