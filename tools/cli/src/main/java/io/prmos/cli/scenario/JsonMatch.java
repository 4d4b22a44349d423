package io.prmos.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Subset matching for expectations: every member an expected object names must match in the actual
 * one (others are ignored); arrays match element by element and must have the same length; numbers
 * compare by value (20 matches 20.00); scalars otherwise by their text.
 */
public final class JsonMatch {

    private JsonMatch() {
    }

    /** Empty when {@code actual} matches {@code expected}; otherwise where and how it differs, in one line. */
    public static Optional<String> mismatch(JsonNode expected, JsonNode actual) {
        return mismatch(expected, actual, "");
    }

    private static Optional<String> mismatch(JsonNode expected, JsonNode actual, String at) {
        if (expected == null || expected.isMissingNode()) {
            return Optional.empty();
        }
        if (expected.isObject()) {
            if (actual == null || !actual.isObject()) {
                return Optional.of(at(at) + "expected an object, got " + show(actual));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                JsonNode value = actual.get(member.getKey());
                if (value == null && !member.getValue().isNull()) {
                    return Optional.of(at(at + "/" + member.getKey()) + "missing, expected " + show(member.getValue()));
                }
                Optional<String> inner = mismatch(member.getValue(), value, at + "/" + member.getKey());
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (expected.isArray()) {
            if (actual == null || !actual.isArray() || actual.size() != expected.size()) {
                return Optional.of(at(at) + "expected " + expected.size() + " item(s) " + show(expected) + ", got " + show(actual));
            }
            for (int i = 0; i < expected.size(); i++) {
                Optional<String> inner = mismatch(expected.get(i), actual.get(i), at + "/" + i);
                if (inner.isPresent()) {
                    return inner;
                }
            }
            return Optional.empty();
        }
        if (expected.isNull()) {
            return actual == null || actual.isNull() ? Optional.empty() : Optional.of(at(at) + "expected null, got " + show(actual));
        }
        if (actual == null || actual.isNull() || actual.isContainerNode()) {
            return Optional.of(at(at) + "expected " + show(expected) + ", got " + show(actual));
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? Optional.empty()
                    : Optional.of(at(at) + "expected " + show(expected) + ", got " + show(actual));
        }
        return expected.asText().equals(actual.asText()) ? Optional.empty()
                : Optional.of(at(at) + "expected " + show(expected) + ", got " + show(actual));
    }

    private static String at(String pointer) {
        return pointer.isEmpty() ? "" : "at " + pointer + ": ";
    }

    static String show(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
