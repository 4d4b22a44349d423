package io.prmos.engine.ui;

import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import io.prmos.metadata.naming.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The presentation of one entity for one caller: the manifest's UI hints restricted to the fields
 * the caller may see, and the defaults used when a manifest gives no hint.
 */
final class EntityPresentation {

    static final int DEFAULT_COLUMNS = 6;
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\$\\{?([a-z][a-z0-9_]*)");

    private final EntityDescriptor entity;
    private final Set<String> visible;

    EntityPresentation(EntityDescriptor entity, Set<String> visible) {
        this.entity = entity;
        this.visible = visible;
    }

    boolean shows(String name) {
        return visible.contains(name) || (Names.isSystemColumn(name) && isPublicSystemColumn(name));
    }

    static boolean isPublicSystemColumn(String name) {
        return !name.equals("tenant_id") && !name.equals("deleted_at");
    }

    List<FieldDescriptor> visibleFields() {
        return entity.fields().stream().filter(f -> visible.contains(f.name())).toList();
    }

    /**
     * The field a record is named by: the first visible field of the manifest's {@code display}
     * template, else the first visible text field, else {@code id}.
     */
    String displayField() {
        if (entity.def().display() != null) {
            Matcher m = TEMPLATE_VARIABLE.matcher(entity.def().display());
            while (m.find()) {
                if (visible.contains(m.group(1)) && entity.field(m.group(1)).isPresent()) {
                    return m.group(1);
                }
            }
        }
        return visibleFields().stream().filter(f -> f.type() instanceof FieldType.Text).map(FieldDescriptor::name)
                .findFirst().orElse("id");
    }

    List<String> listColumns() {
        List<String> declared = entity.def().ui().listColumns();
        if (!declared.isEmpty()) {
            return declared.stream().filter(this::shows).toList();
        }
        return visibleFields().stream()
                .filter(f -> !(f.type() instanceof FieldType.LongText) && !(f.type() instanceof FieldType.Json))
                .limit(DEFAULT_COLUMNS).map(FieldDescriptor::name).toList();
    }

    List<String> sort() {
        return entity.def().ui().defaultSort().stream()
                .filter(key -> shows(key.startsWith("-") ? key.substring(1) : key)).toList();
    }

    /** Declared list filters, or every visible filterable field. */
    List<String> filters() {
        List<String> declared = entity.def().ui().listFilters();
        if (!declared.isEmpty()) {
            return declared.stream().filter(this::shows).toList();
        }
        return visibleFields().stream().filter(EntityPresentation::filterable).map(FieldDescriptor::name).toList();
    }

    /**
     * Text fields the list's quick search may {@code contains}-filter: the declared ones, else the
     * visible searchable filterable text fields, else the display field when it qualifies.
     */
    List<String> searchFields() {
        List<String> declared = entity.def().ui().listSearchFields();
        if (!declared.isEmpty()) {
            return declared.stream().filter(visible::contains).toList();
        }
        List<String> searchable = visibleFields().stream()
                .filter(f -> f.def().searchable() && f.def().filterable() && isText(f.type()))
                .map(FieldDescriptor::name).toList();
        if (!searchable.isEmpty()) {
            return searchable;
        }
        return entity.field(displayField()).filter(f -> f.def().filterable() && isText(f.type()))
                .map(f -> List.of(f.name())).orElse(List.of());
    }

    /** Fields quick find looks in: search fields, else any visible searchable text field, else the display field. */
    List<String> quickFindFields() {
        List<String> fields = searchFields();
        if (!fields.isEmpty()) {
            return fields;
        }
        List<String> out = new ArrayList<>(visibleFields().stream()
                .filter(f -> f.def().searchable() && isText(f.type())).map(FieldDescriptor::name).toList());
        if (out.isEmpty()) {
            entity.field(displayField()).filter(f -> isText(f.type())).ifPresent(f -> out.add(f.name()));
        }
        return out;
    }

    static boolean filterable(FieldDescriptor field) {
        return field.def().filterable() && !(field.type() instanceof FieldType.Json);
    }

    static boolean isText(FieldType type) {
        return type instanceof FieldType.Text || type instanceof FieldType.LongText || type instanceof FieldType.Email
                || type instanceof FieldType.Url || type instanceof FieldType.Phone;
    }

    Optional<FieldDescriptor> field(String name) {
        return visible.contains(name) ? entity.field(name) : Optional.empty();
    }
}
