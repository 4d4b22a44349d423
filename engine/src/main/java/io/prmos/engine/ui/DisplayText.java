package io.prmos.engine.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.DisplayNames;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a record is shown by: the manifest's {@code display} template ({@code "$name ($tier)"})
 * when the caller may see every field it names — rendered like search results and resolved names,
 * dictionary codes as their labels ({@link DisplayNames}) — else the display field's value, else the id.
 */
final class DisplayText {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([a-z][a-z0-9_]*)}|\\$([a-z][a-z0-9_]*)");

    private DisplayText() {
    }

    static String of(Catalog catalog, EntityDescriptor entity, EntityPresentation view, ObjectNode record) {
        String template = entity.def().display();
        if (template != null && namesOnlyVisibleFields(template, view)) {
            String rendered = DisplayNames.of(catalog, entity, record).trim();
            if (!rendered.isBlank() && !rendered.equals(record.path("id").asText())) {
                return rendered;
            }
        }
        String value = text(record.get(view.displayField()));
        return value.isEmpty() ? record.path("id").asText() : value;
    }

    private static boolean namesOnlyVisibleFields(String template, EntityPresentation view) {
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            if (view.field(m.group(1) != null ? m.group(1) : m.group(2)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
    }
}
