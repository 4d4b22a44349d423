package io.prmos.engine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * The JSON reader for everything that comes from outside. Besides syntax (and trailing content) it
 * refuses:
 * <ul>
 *   <li>duplicate keys — parsers disagree on which value wins, so a body could mean two things;</li>
 *   <li>U+0000 in any string or key — PostgreSQL cannot store it in {@code text} or {@code jsonb};</li>
 *   <li>unpaired UTF-16 surrogates ({@code "\ud800"}) — not Unicode text; the driver would store {@code ?};</li>
 *   <li>numbers outside {@link Numbers#inRange} — {@code 1e400} is infinite as a double and
 *       {@code 1e999999999} would expand to a gigabyte of digits.</li>
 * </ul>
 * Floats are read as exact decimals (a money amount of 19 digits keeps them all). Nesting depth,
 * number and string lengths are bounded by Jackson's default stream constraints.
 */
public final class StrictJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private StrictJson() {
    }

    /** What was wrong: broken JSON (syntax, duplicate key, nesting), a character, or a number. */
    public enum Fault { SYNTAX, CHARACTER, RANGE }

    /** Why a JSON text was refused, with the pointer of the refused value (null for a syntax error). */
    public static final class Refused extends RuntimeException {
        private final Fault fault;
        private final String pointer;

        Refused(Fault fault, String pointer, String message) {
            super(message, null, false, false);
            this.fault = fault;
            this.pointer = pointer;
        }

        public Fault fault() {
            return fault;
        }

        /** The RFC 6901 pointer of the refused value; null for a syntax error. */
        public String pointer() {
            return pointer;
        }
    }

    /** The document in {@code bytes} (UTF-8, or the encoding Jackson detects from a BOM-less UTF-16/32 start). */
    public static JsonNode read(byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new Refused(Fault.SYNTAX, null, syntaxMessage(e));
        } catch (NumberFormatException e) {
            // an exponent beyond int range (1e2147483648): no BigDecimal holds it
            throw new Refused(Fault.RANGE, unreadableNumber(bytes), Numbers.RANGE);
        } catch (IOException e) {
            throw new Refused(Fault.SYNTAX, null, "the JSON could not be read");
        }
        check(root, "");
        return root;
    }

    /** Refuses NUL, unpaired surrogates and out-of-range numbers anywhere in the tree. */
    public static void check(JsonNode node, String pointer) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            text(node.textValue(), pointer);
        } else if (node.isNumber()) {
            number(node, pointer);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), pointer + "/" + i);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                text(field.getKey(), at);
                check(field.getValue(), at);
            }
        }
    }

    private static void text(String text, String pointer) {
        String problem = Texts.problem(text);
        if (problem != null) {
            throw new Refused(Fault.CHARACTER, pointer.isEmpty() ? "/" : pointer, problem);
        }
    }

    private static void number(JsonNode node, String pointer) {
        if (node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue())) {
            throw new Refused(Fault.RANGE, pointer.isEmpty() ? "/" : pointer, Numbers.RANGE);
        }
        BigDecimal value = node.isBigInteger() ? new BigDecimal(node.bigIntegerValue()) : node.isBigDecimal() ? node.decimalValue() : null;
        if (value != null && !Numbers.inRange(value)) {
            throw new Refused(Fault.RANGE, pointer.isEmpty() ? "/" : pointer, Numbers.RANGE);
        }
    }

    /** The pointer of the first number no BigDecimal can hold, found by reading the text token by token. */
    private static String unreadableNumber(byte[] bytes) {
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                    try {
                        parser.getDecimalValue();
                    } catch (NumberFormatException e) {
                        String pointer = parser.getParsingContext().pathAsPointer().toString();
                        return pointer.isEmpty() ? "/" : pointer;
                    }
                }
            }
        } catch (IOException e) {
            return "/";
        }
        return "/";
    }

    private static String syntaxMessage(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String reason = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                ? "duplicate key " + e.getOriginalMessage().substring("Duplicate field ".length())
                : null;
        return reason == null ? "the body is not valid JSON" + where : "the body is not valid JSON: " + reason + where;
    }
}
