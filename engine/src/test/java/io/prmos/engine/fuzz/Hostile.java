package io.prmos.engine.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Values a hostile or careless client sends: texts, numbers and JSON trees chosen to break parsers and storage. */
final class Hostile {

    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final List<String> TEXTS = List.of(
            "", " ", "\u0000", "a\u0000b", "\uD800", "x\uDC00", "\uDC00\uD800", "😀", "\u202Egnp.exe", "e\u0301", "\uFEFF", "\uFFFF",
            "' OR 1=1 --", "'; DROP TABLE partners.partner; --", "\\", "\\'", "%", "_", "%_%", "$1", "$user.id", "${jndi:ldap://x/a}",
            "%s%s%n", "{}", "[]", "null", "true", "NaN", "Infinity", "-0", "1e400", "0x10", "1_000", "\t", "\r\n", "\u001b[31m", "\u007f",
            "2026-02-30", "9999-12-31T23:59:59Z", "+999999999-12-31", "0000-00-00", "2026-01-01T00:00:00+25:00",
            "00000000-0000-0000-0000-000000000000", "{12345678-1234-1234-1234-123456789012}", "urn:prm:partners:partner:x",
            "urn:prm:partners:partner:00000000-0000-0000-0000-000000000000", "urn:prm:../../x", "../../etc/passwd", "%2e%2e%2f",
            "gold", "GOLD", "registered", "EUR", "eur", "€", "https://example.org", "javascript:alert(1)", "a@b.c", "@", "+49 (0) 30",
            "<script>alert(1)</script>", "name eq 'x'", "(", ")", "'", "\"", ",", "-", "a.b.c.d", "amount.currency", "partners.Partner");

    private final Random random;

    Hostile(Random random) {
        this.random = random;
    }

    Random random() {
        return random;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int from, int to) {
        return from + random.nextInt(to - from + 1);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A text from the catalogue, a random one, a long one, or one with a NUL or surrogate spliced in. */
    String text() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> pick(TEXTS);
            case 4 -> randomText(between(1, 40));
            case 5 -> "x".repeat(pick(List.of(63, 64, 200, 201, 255, 256, 1000, 5000, 70_000)));
            case 6 -> splice(pick(TEXTS), pick(List.of("\u0000", "\uD800", "\uDFFF", "'", "\\", "%00")));
            case 7 -> UUID.randomUUID().toString();
            case 8 -> Long.toString(random.nextLong());
            default -> pick(TEXTS) + pick(TEXTS);
        };
    }

    /** A short text (for query values, names and keys): never longer than a few hundred characters. */
    String shortText() {
        String text = text();
        return text.length() > 300 ? text.substring(0, between(1, 300)) : text;
    }

    String randomText(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(switch (random.nextInt(6)) {
                case 0 -> (char) between(0, 0x1f);
                case 1 -> (char) between(0xd800, 0xdfff);
                case 2 -> (char) between(0x80, 0xffff);
                default -> (char) between(0x20, 0x7e);
            });
        }
        return out.toString();
    }

    private String splice(String text, String insert) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        return text.substring(0, at) + insert + text.substring(at);
    }

    /** A number literal as JSON or filter text: ordinary, at the edges of int/long/double, or absurd. */
    String numberText() {
        return switch (random.nextInt(8)) {
            case 0 -> Integer.toString(between(-5, 150));
            case 1 -> pick(List.of("2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
                    "-9223372036854775809", "18446744073709551616"));
            case 2 -> pick(List.of("1e308", "1.7976931348623157e308", "1e309", "1e400", "-1e400", "1E+400", "1e-308", "1e-400",
                    "4.9e-324", "1e999999999", "1e-999999999", "123456789e999999999", "1e2147483648"));
            case 3 -> pick(List.of("0.1", "0.01", "99.999", "100.001", "-0", "-0.0", "0.0", "1.50", "12345678901234567.89",
                    "99999999999999999.99", "1E+2", "5e-1"));
            case 4 -> "9".repeat(between(20, 400));
            case 5 -> "1." + "3".repeat(between(3, 400));
            case 6 -> new BigDecimal(new BigInteger(between(1, 200), random), between(-50, 50)).toString();
            default -> Double.toString(random.nextGaussian() * Math.pow(10, between(-10, 20)));
        };
    }

    /** Any JSON value, nested to at most {@code depth}. */
    JsonNode value(int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 8);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> number();
            case 3, 4 -> NODES.textNode(text());
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                int n = between(0, 4);
                for (int i = 0; i < n; i++) {
                    array.add(value(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                int n = between(0, 4);
                for (int i = 0; i < n; i++) {
                    object.set(chance(0.7) ? pick(List.of("amount", "currency", "a", "name", "id", "op", "data")) : shortText(),
                            value(depth - 1));
                }
                yield object;
            }
        };
    }

    JsonNode number() {
        String text = numberText();
        try {
            return NODES.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return NODES.numberNode(0);
        }
    }

    /** JSON text that is broken, hostile at the syntax level, or valid but odd; {@code valid} is a sane body to damage. */
    String brokenJson(String valid) {
        return switch (random.nextInt(16)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length() + 1));
            case 1 -> valid + pick(List.of(" x", "}", "]", ",", "{}", " // c", "\u0000"));
            case 2 -> valid.replace('"', '\'');
            case 3 -> "[".repeat(between(900, 1100)) + "]".repeat(between(0, 1100));
            case 4 -> "{\"a\":".repeat(between(500, 1500)) + "1" + "}".repeat(between(0, 1500));
            case 5 -> "{\"name\":NaN}";
            case 6 -> "{\"name\":\"x\",\"name\":\"y\"}";
            case 7 -> "{\"name\":\"" + pick(List.of("\\u0000", "\\ud800", "\\udc00\\ud800", "\\u00", "\\x41", "\\", "\t", "\u0001")) + "\"}";
            case 8 -> "{\"score\":" + "9".repeat(between(1000, 20000)) + "}";
            case 9 -> "\uFEFF" + valid;
            case 10 -> pick(List.of("", " ", "null", "true", "1", "\"x\"", "[]", "{}", "[{}]", "{\"operations\":null}"));
            case 11 -> "{/*c*/\"name\":\"x\"}";
            case 12 -> "{\"name\":\"" + "é".repeat(between(1, 100)) + "\"}";
            case 13 -> "{name:\"x\"}";
            case 14 -> "{\"a\":01,\"b\":+1,\"c\":.5,\"d\":1.}";
            default -> mutate(valid);
        };
    }

    /** A few random single-character edits. */
    String mutate(String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = between(1, 4);
        for (int i = 0; i < edits; i++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.insert(at, pick(List.of("\"", "{", "}", "[", "]", ",", ":", "\\", "'", "\u0000", "\uD800", "(", ")", " ")));
                case 1 -> {
                    if (out.length() > 0) {
                        out.deleteCharAt(at);
                    }
                }
                default -> {
                    if (out.length() > 0) {
                        out.setCharAt(at, (char) between(0, 0x7f));
                    }
                }
            }
        }
        return out.toString();
    }
}
