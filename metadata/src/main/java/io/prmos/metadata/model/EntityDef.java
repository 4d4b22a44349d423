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
        EntityFeatures features) {
}
