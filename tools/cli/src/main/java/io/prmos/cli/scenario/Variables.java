package io.prmos.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values saved by steps ({@code save: partner}) and read back as {@code ${partner.id}}. A string that
 * is exactly one variable takes the saved value with its JSON type; inside a longer string it is text.
 */
final class Variables {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)((?:\\.[A-Za-z0-9_]+)*)}");

    private final Map<String, JsonNode> saved = new HashMap<>();
    private final String file;

    Variables(String file, String tenant) {
        this.file = file;
        saved.put("tenant", JsonNodeFactory.instance.textNode(tenant));
    }

    void save(String name, JsonNode value) {
        saved.put(name, value);
    }

    JsonNode resolve(JsonNode node, int line) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String text = node.asText();
            Matcher whole = VARIABLE.matcher(text);
            if (whole.matches()) {
                return lookUp(whole, line);
            }
            return JsonNodeFactory.instance.textNode(resolve(text, line));
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), resolve(e.getValue(), line)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(resolve(item, line)));
            return out;
        }
        return node;
    }

    String resolve(String text, int line) {
        if (text == null) {
            return null;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(lookUp(m, line).asText()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private JsonNode lookUp(Matcher m, int line) {
        JsonNode value = saved.get(m.group(1));
        if (value == null) {
            throw new ScenarioException(file, line, "${" + m.group(1) + m.group(2) + "}: nothing was saved as '" + m.group(1) + "'");
        }
        for (String part : m.group(2).isEmpty() ? new String[0] : m.group(2).substring(1).split("\\.")) {
            value = value.isArray() && part.matches("\\d+") ? value.path(Integer.parseInt(part)) : value.path(part);
        }
        if (value.isMissingNode()) {
            throw new ScenarioException(file, line, "${" + m.group(1) + m.group(2) + "}: the saved value has no such member");
        }
        return value;
    }
}
