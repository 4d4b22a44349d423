package io.prmos.engine.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** Candidate simplifications of texts and bodies, for shrinking a failing case to a small reproduction. */
final class Shrinking {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Shrinking() {
    }

    /** Halves of a text (each half keeps at least one character), when it is longer than one. */
    static List<String> shorter(String text) {
        if (text.length() <= 1) {
            return List.of();
        }
        int half = text.length() / 2;
        return List.of(text.substring(0, half), text.substring(half));
    }

    /** A body without one member or element (depth first), or, for text that is not JSON, its halves. */
    static List<HttpCase> bodies(HttpCase c) {
        List<HttpCase> out = new ArrayList<>();
        JsonNode root = c.json() ? parse(c.body()) : null;
        if (root != null && root.isContainerNode()) {
            try {
                for (JsonNode smaller : withoutOnePart(root)) {
                    out.add(c.withBody(JSON.writeValueAsBytes(smaller), true));
                }
                return out;
            } catch (Exception | StackOverflowError e) {
                out.clear(); // a tree Jackson cannot write back (e.g. a lone surrogate): shrink the text instead
            }
        }
        if (c.body().length > 1) {
            int half = c.body().length / 2;
            out.add(c.withBody(Arrays.copyOfRange(c.body(), 0, half), false));
            out.add(c.withBody(Arrays.copyOfRange(c.body(), half, c.body().length), false));
        }
        return out;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    /** Every tree that has one member or element fewer, or one long string halved. */
    private static List<JsonNode> withoutOnePart(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        collect(root, root, out);
        return out;
    }

    private static void collect(JsonNode root, JsonNode node, List<JsonNode> out) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                object.remove(name);
                out.add(root.deepCopy());
                object.set(name, value);
            }
            for (String name : names) {
                collect(root, object.get(name), out);
            }
            for (Iterator<String> it = names.iterator(); it.hasNext(); ) {
                String name = it.next();
                JsonNode value = object.get(name);
                if (value.isTextual() && value.textValue().length() > 1) {
                    for (String half : shorter(value.textValue())) {
                        object.put(name, half);
                        out.add(root.deepCopy());
                    }
                    object.set(name, value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                array.remove(i);
                out.add(root.deepCopy());
                array.insert(i, value);
            }
            for (JsonNode child : array) {
                collect(root, child, out);
            }
        }
    }
}
