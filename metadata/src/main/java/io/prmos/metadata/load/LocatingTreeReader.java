package io.prmos.metadata.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prmos.metadata.filter.NumberRange;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a JSON tree from YAML or JSON text while recording, for every JSON pointer, where its key
 * and value were written. Jackson's tree model forgets locations, so this walks the token stream
 * itself. Duplicate keys are refused (both by Jackson's strict detection and by this walker).
 */
final class LocatingTreeReader {

    /** The document could not be read; {@code pointer} is where the walker was when it failed. */
    static final class UnreadableDocument extends Exception {
        final Position position;
        final String pointer;

        UnreadableDocument(String message, Position position, String pointer) {
            super(message);
            this.position = position;
            this.pointer = pointer;
        }
    }

    record Document(JsonNode root, SourceMap sourceMap) {
    }

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final JsonFactory YAML = YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
    private final Map<String, Position> keys = new HashMap<>();
    private final Map<String, Position> values = new HashMap<>();
    private JsonParser parser;
    private boolean yaml;
    private String currentPointer = Pointer.ROOT;

    static Document read(String text, boolean yaml) throws UnreadableDocument {
        return new LocatingTreeReader().readDocument(text, yaml);
    }

    private Document readDocument(String text, boolean yaml) throws UnreadableDocument {
        try (JsonParser p = (yaml ? YAML : JSON).createParser(text)) {
            parser = p;
            this.yaml = yaml;
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new UnreadableDocument("the manifest is empty", Position.START, Pointer.ROOT);
            }
            JsonNode root = readValue(Pointer.ROOT);
            if (p.nextToken() != null) {
                throw new UnreadableDocument("unexpected content after the end of the manifest",
                        position(p.currentTokenLocation()), Pointer.ROOT);
            }
            return new Document(root, new SourceMap(keys, values));
        } catch (JsonProcessingException e) {
            Position at = SyntaxMessages.problemMark(e).orElse(position(e.getLocation()));
            throw new UnreadableDocument(SyntaxMessages.describe(e), at, currentPointer);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocument("the manifest could not be read: " + e.getMessage(),
                    Position.START, currentPointer);
        }
    }

    private JsonNode readValue(String pointer) throws IOException, UnreadableDocument {
        currentPointer = pointer;
        values.put(pointer, position(parser.currentTokenLocation()));
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readObject(pointer);
            case START_ARRAY -> readArray(pointer);
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT -> number(new BigDecimal(parser.getBigIntegerValue()), pointer, nodes.numberNode(parser.getBigIntegerValue()));
            case VALUE_NUMBER_FLOAT -> floatNode(pointer);
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> nodes.textNode(parser.getText());
        };
    }

    private JsonNode floatNode(String pointer) throws IOException, UnreadableDocument {
        BigDecimal value;
        try {
            value = parser.getDecimalValue();
        } catch (NumberFormatException e) {
            // YAML's .inf and .nan have no decimal form
            return nodes.numberNode(parser.getDoubleValue());
        }
        return number(value, pointer, nodes.numberNode(value));
    }

    /** A number beyond {@link NumberRange} stops reading, located, before any validator expands its digits. */
    private JsonNode number(BigDecimal value, String pointer, JsonNode node) throws UnreadableDocument {
        if (!NumberRange.contains(value)) {
            throw new UnreadableDocument(NumberRange.MESSAGE, position(parser.currentTokenLocation()), pointer);
        }
        return node;
    }

    private ObjectNode readObject(String pointer) throws IOException, UnreadableDocument {
        ObjectNode object = nodes.objectNode();
        while (nextInObject(pointer) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String child = Pointer.append(pointer, name);
            Position keyPosition = position(parser.currentTokenLocation());
            if (object.has(name)) {
                throw new UnreadableDocument("duplicate key '" + name + "'", keyPosition, child);
            }
            keys.put(child, keyPosition);
            parser.nextToken();
            object.set(name, readValue(child));
        }
        return object;
    }

    /** Advances inside an object, locating a duplicate key reported by Jackson at that key. */
    private JsonToken nextInObject(String pointer) throws IOException, UnreadableDocument {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            String message = SyntaxMessages.describe(e);
            if (!message.startsWith("duplicate key '")) {
                throw e;
            }
            String name = message.substring("duplicate key '".length(), message.length() - 1);
            // YAML's token location is the duplicate key; JSON's is still the previous value, so use where it stopped
            JsonLocation at = yaml ? parser.currentTokenLocation() : e.getLocation();
            throw new UnreadableDocument(message, position(at), Pointer.append(pointer, name));
        }
    }

    private ArrayNode readArray(String pointer) throws IOException, UnreadableDocument {
        ArrayNode array = nodes.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(readValue(Pointer.append(pointer, index++)));
        }
        return array;
    }

    private static Position position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return Position.START;
        }
        return new Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }
}
