package io.prmos.metadata.check;

import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import io.prmos.metadata.naming.Names;
import java.util.List;

/**
 * Entity UI hints that the API must be able to serve: a filter the list page offers must be a
 * filterable field, and a search field must be a filterable text field (quick search is a
 * case-insensitive {@code contains} filter).
 */
final class UiHintRules {

    private UiHintRules() {
    }

    static void checkFilters(ModuleContext context, EntityDef entity, String pointer, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (Names.isSystemColumn(name)) {
                continue;
            }
            FieldDef field = entity.fields().get(name);
            String at = Pointer.append(pointer, i);
            if (field == null) {
                context.atValue(at, "filter names '" + name + "', which is not a field of entity '" + entity.name() + "'");
            } else if (!field.filterable()) {
                context.atValue(at, "filter names '" + name + "', which is not filterable; add filterable: true to the field");
            } else if (field.type() instanceof FieldType.Json) {
                context.atValue(at, "filter names json field '" + name + "', which cannot be filtered");
            }
        }
    }

    static void checkSearchFields(ModuleContext context, EntityDef entity, String pointer, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            FieldDef field = entity.fields().get(name);
            String at = Pointer.append(pointer, i);
            if (field == null) {
                context.atValue(at, "search field '" + name + "' is not a field of entity '" + entity.name() + "'");
            } else if (!isText(field.type())) {
                context.atValue(at, "search field '" + name + "' has type " + field.type().name()
                        + "; only text, longtext, email, url and phone fields can be searched");
            } else if (!field.filterable()) {
                context.atValue(at, "search field '" + name + "' is not filterable; add filterable: true to the field");
            }
        }
    }

    /** Types a case-insensitive {@code contains} applies to. */
    static boolean isText(FieldType type) {
        return type instanceof FieldType.Text || type instanceof FieldType.LongText || type instanceof FieldType.Email
                || type instanceof FieldType.Url || type instanceof FieldType.Phone;
    }
}
