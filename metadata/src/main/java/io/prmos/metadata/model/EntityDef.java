package io.prmos.metadata.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An entity as written in a manifest; fields keep their declaration order.
 *
 * @param renamedFrom the entity's name in an earlier version of the module (its table is renamed on publish)
 * @param options     entity registry switches: summary, publicId, If-Match requirement, search language
 * @param features    platform features switched on or off: audit, activity, softDelete, optimisticLock
 * @param validations CEL rules every write must satisfy
 * @param workflow    the state machine on one of its fields, if any
 * @param hooks       the Java hooks its writes run
 * @param actions     custom actions on its records, by name
 */
public record EntityDef(
        String name,
        String label,
        String pluralLabel,
        String description,
        String display,
        Map<String, FieldDef> fields,
        List<IndexDef> indexes,
        EntityUi ui,
        Optional<String> renamedFrom,
        EntityOptions options,
        EntityFeatures features,
        List<ValidationRule> validations,
        Optional<Workflow> workflow,
        EntityHooks hooks,
        Map<String, ActionDef> actions) {

    /** This entity with other fields, everything else unchanged. */
    public EntityDef withFields(Map<String, FieldDef> fields) {
        return new EntityDef(name, label, pluralLabel, description, display, fields, indexes, ui, renamedFrom, options,
                features, validations, workflow, hooks, actions);
    }
}
