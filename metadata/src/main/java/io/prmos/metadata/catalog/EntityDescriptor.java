package io.prmos.metadata.catalog;

import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.IndexDef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled entity: where it lives in PostgreSQL, its fields in declaration order and the UI
 * defaults derived from the manifest. Immutable; built once per catalog.
 */
public final class EntityDescriptor {

    private final String module;
    private final EntityDef def;
    private final String path;
    private final String schema;
    private final String table;
    private final List<FieldDescriptor> fields;
    private final Map<String, FieldDescriptor> fieldsByName;
    private final List<String> listColumns;
    private final List<String> defaultSort;
    private final Optional<DisplayTemplate> display;

    EntityDescriptor(String module, EntityDef def, String path, String schema, List<FieldDescriptor> fields) {
        this.module = module;
        this.def = def;
        this.path = path;
        this.schema = schema;
        this.table = path;
        this.fields = List.copyOf(fields);
        Map<String, FieldDescriptor> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.name(), f));
        this.fieldsByName = java.util.Collections.unmodifiableMap(byName);
        this.listColumns = def.ui().listColumns().isEmpty()
                ? fields.stream().limit(6).map(FieldDescriptor::name).toList()
                : List.copyOf(def.ui().listColumns());
        this.defaultSort = List.copyOf(def.ui().defaultSort());
        this.display = DisplayTemplate.of(def);
    }

    public String module() { return module; }

    /** The entity name as written in the manifest, e.g. {@code Partner}. */
    public String name() { return def.name(); }

    /** The snake_case name used in URLs and as the table name, e.g. {@code partner}. */
    public String path() { return path; }

    public String schema() { return schema; }

    public String table() { return table; }

    public String label() { return def.label(); }

    public String pluralLabel() { return def.pluralLabel(); }

    public String description() { return def.description(); }

    public EntityDef def() { return def; }

    public List<FieldDescriptor> fields() { return fields; }

    public Optional<FieldDescriptor> field(String name) {
        return Optional.ofNullable(fieldsByName.get(name));
    }

    public List<IndexDef> indexes() { return def.indexes(); }

    public List<String> listColumns() { return listColumns; }

    /** Sort keys such as {@code -score}; empty means newest first. */
    public List<String> defaultSort() { return defaultSort; }

    /** Audit, activity, soft delete and optimistic locking switches (docs/audit.md). */
    public io.prmos.metadata.model.EntityFeatures features() { return def.features(); }

    /** {@code partners.Partner}: the name other modules use to reference this entity. */
    public String qualifiedName() { return module + "." + def.name(); }

    /** The compiled display name template; empty when the entity has no text field to default to. */
    public Optional<DisplayTemplate> display() { return display; }

    public io.prmos.metadata.model.EntityOptions options() { return def.options(); }

    /** The self-reference marked {@code hierarchy: true}, if any. */
    public Optional<FieldDescriptor> hierarchyField() {
        return fields.stream().filter(f -> f.def().hierarchy()).findFirst();
    }

    /** Fields that feed the full-text index, in declaration order (the order gives their weight). */
    public List<FieldDescriptor> searchableFields() {
        return fields.stream().filter(f -> f.def().searchable()).toList();
    }

    /**
     * The fields a resolved reference summarises: the manifest's {@code summary}, else the first
     * three fields the display template does not already show.
     */
    public List<String> summaryFields() {
        if (!def.options().summary().isEmpty()) {
            return def.options().summary();
        }
        List<String> shown = display.map(DisplayTemplate::fields).orElse(List.of());
        return fields.stream().map(FieldDescriptor::name).filter(n -> !shown.contains(n)).limit(3).toList();
    }

    @Override
    public String toString() { return qualifiedName(); }
}
