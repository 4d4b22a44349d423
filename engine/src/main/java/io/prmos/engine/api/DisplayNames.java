package io.prmos.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.DisplayTemplate;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.DictionaryDef;
import io.prmos.metadata.model.FieldType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a record's display name from its entity's compiled template, using only what the
 * record JSON holds — a projection of the caller's readable fields — so a hidden field renders as
 * empty text. Dictionary codes show their labels; money shows amount and currency.
 */
public final class DisplayNames {

    private DisplayNames() {
    }

    public static String of(Catalog catalog, EntityDescriptor entity, ObjectNode record) {
        Optional<DisplayTemplate> template = entity.display();
        if (template.isEmpty()) {
            return record.path("id").asText();
        }
        Map<String, String> values = new HashMap<>();
        for (String name : template.get().fields()) {
            JsonNode value = record.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            values.put(name, entity.field(name).map(f -> text(catalog, entity, f, value)).orElse(value.asText()));
        }
        String rendered = template.get().render(values);
        return rendered.isBlank() ? record.path("id").asText() : rendered;
    }

    private static String text(Catalog catalog, EntityDescriptor entity, FieldDescriptor field, JsonNode value) {
        if (field.type() instanceof FieldType.Dictionary d) {
            return label(catalog, entity, d.dictionary(), value.asText());
        }
        if (field.type() instanceof FieldType.MultiDictionary d) {
            StringBuilder out = new StringBuilder();
            value.forEach(code -> out.append(out.length() == 0 ? "" : ", ").append(label(catalog, entity, d.dictionary(), code.asText())));
            return out.toString();
        }
        if (field.isMoney()) {
            return value.path("amount").asText() + " " + value.path("currency").asText();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String label(Catalog catalog, EntityDescriptor entity, String dictionary, String code) {
        return catalog.module(entity.module()).flatMap(m -> m.dictionary(dictionary))
                .flatMap(d -> d.values().stream().filter(v -> v.code().equals(code)).findFirst())
                .map(DictionaryDef.Value::label).orElse(code);
    }
}
