package io.prmos.engine.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.model.DictionaryDef;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import java.util.List;

/** The UI description of one field: type, constraints mirrored for client-side validation, options and operators. */
final class FieldView {

    private static final List<String> TEXT_OPERATORS = List.of("eq", "ne", "contains", "startsWith", "in", "nin", "isNull");
    private static final List<String> ORDERED_OPERATORS = List.of("eq", "ne", "lt", "lte", "gt", "gte", "in", "nin", "isNull");
    private static final List<String> EQUALITY_OPERATORS = List.of("eq", "ne", "in", "nin", "isNull");
    private static final List<String> BOOLEAN_OPERATORS = List.of("eq", "ne", "isNull");
    private static final List<String> LIST_OPERATORS = List.of("eq", "ne", "contains", "in", "nin", "isNull");

    private FieldView() {
    }

    static ObjectNode of(CallerGrants grants, ModuleDescriptor module, EntityDescriptor entity, FieldDescriptor field,
                         boolean writable) {
        FieldDef def = field.def();
        ObjectNode out = JsonNodeFactory.instance.objectNode()
                .put("name", field.name())
                .put("label", def.label())
                .put("type", field.type().name())
                .put("required", def.required())
                .put("readOnly", def.readOnly() || !writable);
        if (def.description() != null) {
            out.put("description", def.description());
        }
        out.put("maxLength", maxLength(field).orElse(null));
        out.put("minLength", def.minLength().orElse(null));
        out.put("min", def.min().orElse(null));
        out.put("max", def.max().orElse(null));
        out.put("pattern", def.pattern().orElse(null));
        out.put("unique", def.unique());
        out.put("filterable", EntityPresentation.filterable(field));
        out.put("sortable", def.sortable());
        out.put("searchable", def.searchable());
        def.defaultValue().ifPresent(value -> out.set("default", value));
        typeOptions(grants, module, entity, field, out);
        ArrayNode operators = out.putArray("operators");
        if (EntityPresentation.filterable(field)) {
            operators(field.type()).forEach(operators::add);
        }
        return out;
    }

    private static java.util.Optional<Integer> maxLength(FieldDescriptor field) {
        FieldType type = field.type();
        if (type instanceof FieldType.Text text) {
            return java.util.Optional.of(text.maxLength());
        }
        if (type instanceof FieldType.Email) {
            return java.util.Optional.of(FieldType.Email.MAX_LENGTH);
        }
        if (type instanceof FieldType.Url) {
            return java.util.Optional.of(FieldType.Url.MAX_LENGTH);
        }
        if (type instanceof FieldType.Phone) {
            return java.util.Optional.of(FieldType.Phone.MAX_LENGTH);
        }
        return field.def().maxLength();
    }

    private static void typeOptions(CallerGrants grants, ModuleDescriptor module, EntityDescriptor entity,
                                    FieldDescriptor field, ObjectNode out) {
        FieldType type = field.type();
        if (type instanceof FieldType.Dictionary d) {
            options(module, d.dictionary(), out);
        } else if (type instanceof FieldType.MultiDictionary d) {
            options(module, d.dictionary(), out);
        } else if (type instanceof FieldType.Money money) {
            out.put("precision", money.precision()).put("scale", money.scale());
            ArrayNode currencies = out.putArray("currencies");
            money.currencies().forEach(currencies::add);
        } else if (type instanceof FieldType.DecimalType decimal) {
            out.put("precision", decimal.precision()).put("scale", decimal.scale());
        } else if (type instanceof FieldType.Reference reference) {
            out.set("reference", reference(grants, entity, reference));
        }
    }

    private static void options(ModuleDescriptor module, String dictionary, ObjectNode out) {
        ArrayNode options = out.putArray("options");
        DictionaryDef def = module.dictionary(dictionary).orElseThrow();
        for (DictionaryDef.Value value : def.values()) {
            ObjectNode option = options.addObject().put("value", value.code()).put("label", value.label());
            if (value.color() != null) {
                option.put("color", value.color());
            }
        }
    }

    /** The target of a reference; {@code readable: false} tells the runtime not to resolve display names. */
    private static ObjectNode reference(CallerGrants grants, EntityDescriptor entity, FieldType.Reference reference) {
        Catalog catalog = grants.catalog();
        EntityDescriptor target = catalog.target(entity.module(), reference);
        boolean readable = grants.readable(target);
        ObjectNode out = JsonNodeFactory.instance.objectNode()
                .put("entity", target.qualifiedName())
                .put("api", UiPaths.api(target))
                .put("route", UiPaths.route(target))
                .put("readable", readable);
        out.put("displayField", readable ? new EntityPresentation(target, grants.visible(target)).displayField() : "id");
        return out;
    }

    static List<String> operators(FieldType type) {
        if (EntityPresentation.isText(type)) {
            return TEXT_OPERATORS;
        }
        if (type instanceof FieldType.BooleanType) {
            return BOOLEAN_OPERATORS;
        }
        if (type instanceof FieldType.MultiDictionary) {
            return LIST_OPERATORS;
        }
        if (type instanceof FieldType.Dictionary || type instanceof FieldType.Reference || type instanceof FieldType.UuidType) {
            return EQUALITY_OPERATORS;
        }
        if (type instanceof FieldType.Json) {
            return List.of();
        }
        return ORDERED_OPERATORS;
    }
}
