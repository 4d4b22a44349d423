package io.prmos.metadata.model;

import java.util.List;
import java.util.Optional;

/**
 * Module-level UI contributions: widgets this module places into pages of other modules (or its
 * own) through named slots, so that modules never import each other's UI.
 */
public record ModuleUi(List<Slot> slots) {

    public static final ModuleUi NONE = new ModuleUi(List.of());

    public ModuleUi {
        slots = List.copyOf(slots);
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
