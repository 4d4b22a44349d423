package io.prmos.metadata.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrites networknt validation errors as messages a manifest author understands, pointing at the
 * offending key or value. The validator's own messages name schema internals ("$.a.b: string found,
 * number expected"); these name the manifest.
 */
final class SchemaErrorTranslator {

    /** A record scope is a string, a boolean or {where}; the nested if/else of the schema would report only one branch. */
    private static final Pattern RECORD_SCOPE = Pattern.compile("^/permissions/[^/]+/[^/]+/(read|update|delete|restore)$");

    /** A drop names an entity (and maybe a field) or a dictionary (and maybe a value); the schema says so with if/then/else. */
    private static final Pattern DROP = Pattern.compile("^/migrations/\\d+/drop$");

    private final String file;
    private final JsonNode root;
    private final SourceMap sourceMap;

    SchemaErrorTranslator(String file, JsonNode root, SourceMap sourceMap) {
        this.file = file;
        this.root = root;
        this.sourceMap = sourceMap;
    }

    ManifestProblem translate(Error error) {
        String pointer = pointerOf(error.getInstanceLocation());
        String keyword = String.valueOf(error.getKeyword());
        JsonNode instance = root.at(pointer);
        JsonNode schema = error.getSchemaNode();
        if (RECORD_SCOPE.matcher(pointer).matches() && (keyword.equals("type") || keyword.equals("enum"))) {
            return atValue(pointer, "expected all, own, none, true, false or {where: <rule>}, got " + describe(instance));
        }
        return switch (keyword) {
            case "additionalProperties" -> atKey(Pointer.append(pointer, error.getProperty()),
                    "unknown key '" + error.getProperty() + "' (not allowed here)");
            case "required" -> DROP.matcher(pointer).matches() && "dictionary".equals(error.getProperty())
                    ? atValue(pointer, "a drop names an entity (with an optional field) or a dictionary (with an optional value)")
                    : atKey(pointer, "missing required key '" + error.getProperty() + "'");
            case "false" -> notForType(pointer);
            case "type" -> atValue(pointer, "expected " + article(schema.asText()) + ", got " + describe(instance));
            case "enum" -> atValue(pointer, "expected one of " + listOf(schema) + ", got " + describe(instance));
            case "const" -> atValue(pointer, "expected " + schema + ", got " + describe(instance));
            case "pattern" -> atValue(pointer, patternMessage(pointer, schema.asText(), instance));
            case "minimum" -> atValue(pointer, "must be at least " + schema.asText() + ", got " + instance);
            case "minItems" -> atValue(pointer, "must list at least " + schema.asText() + " item(s)");
            case "minProperties" -> atValue(pointer, "must declare at least " + schema.asText() + " entry");
            default -> atValue(pointer, error.getMessage());
        };
    }

    private ManifestProblem notForType(String pointer) {
        String option = Pointer.lastSegment(pointer);
        if (DROP.matcher(Pointer.parent(pointer)).matches()) {
            return atKey(pointer, root.at(Pointer.parent(pointer)).has("entity")
                    ? "'" + option + "' is not allowed in an entity drop"
                    : "'" + option + "' is only allowed in an entity drop, next to 'entity'");
        }
        String type = root.at(Pointer.parent(pointer)).path("type").asText();
        return atKey(pointer, "'" + option + "' is not an option of type " + type);
    }

    private static String patternMessage(String pointer, String regex, JsonNode instance) {
        if (pointer.equals("/version")) {
            return "expected a semantic version like 1.2.3, got " + describe(instance);
        }
        if (pointer.contains("/currencies/")) {
            return "expected a 3-letter uppercase ISO 4217 currency code, got " + describe(instance);
        }
        if (pointer.endsWith("/softDelete/retention")) {
            return "expected a retention period like 30d, 12h or 90m, got " + describe(instance);
        }
        return "expected text matching " + regex + ", got " + describe(instance);
    }

    private ManifestProblem atKey(String pointer, String message) {
        Position p = sourceMap.keyAt(pointer);
        return new ManifestProblem(file, p.line(), p.column(), pointer, message);
    }

    private ManifestProblem atValue(String pointer, String message) {
        Position p = sourceMap.valueAt(pointer);
        return new ManifestProblem(file, p.line(), p.column(), pointer, message);
    }

    static String pointerOf(NodePath path) {
        String pointer = Pointer.ROOT;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            pointer = element instanceof Integer index
                    ? Pointer.append(pointer, index)
                    : Pointer.append(pointer, String.valueOf(element));
        }
        return pointer;
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "an object (a mapping of keys)";
            case "array" -> "an array (a list)";
            case "integer" -> "an integer";
            default -> "a " + type;
        };
    }

    private static String listOf(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return "[" + String.join(", ", items) + "]";
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "string " + node;
            case NUMBER -> "number " + node;
            case BOOLEAN -> "boolean " + node;
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.toString();
        };
    }
}
