package io.prmos.metadata.model;

import java.util.List;
import java.util.Map;

/** An entity as written in a manifest; fields keep their declaration order. */
public record EntityDef(
        String name,
        String label,
        String pluralLabel,
        String description,
        String display,
        Map<String, FieldDef> fields,
        List<IndexDef> indexes,
        EntityUi ui) {
}
