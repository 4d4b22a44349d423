package io.prmos.engine.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.metadata.catalog.EntityDescriptor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a record is shown by: the manifest's {@code display} template ({@code "$name ($tier)"})
 * when the caller may see every field it names, else the display field's value, else the id.
 */
final class DisplayText {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([a-z][a-z0-9_]*)}|\\$([a-z][a-z0-9_]*)");

    private DisplayText() {
    }

    static String of(EntityDescriptor entity, EntityPresentation view, ObjectNode record) {
        String template = entity.def().display();
        if (template != null) {
            Matcher m = VARIABLE.matcher(template);
            StringBuilder out = new StringBuilder();
            boolean complete = true;
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                complete &= view.field(name).isPresent();
                m.appendReplacement(out, Matcher.quoteReplacement(text(record.get(name))));
            }
            m.appendTail(out);
            if (complete && !out.toString().isBlank()) {
                return out.toString().trim();
            }
        }
        String value = text(record.get(view.displayField()));
        return value.isEmpty() ? record.path("id").asText() : value;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString();
    }
}
