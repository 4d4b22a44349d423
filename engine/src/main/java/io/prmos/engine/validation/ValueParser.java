package io.prmos.engine.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.json.Numbers;
import io.prmos.metadata.model.FieldType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns one JSON value into the typed Java value of a field type, or explains why it cannot.
 * Used for request bodies, filter literals and cursors alike, so all three accept the same forms.
 */
public final class ValueParser {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern URL = Pattern.compile("^https?://[^\\s/$.?#][^\\s]*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{3,31}$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
    private static final Pattern URN = Pattern.compile("^urn:prm:[a-z][a-z0-9_]*:[a-z][a-z0-9_]*:(.+)$");

    private ValueParser() {
    }

    /** Result of parsing: a value, or a message saying what was expected. */
    public record Parsed(Object value, String error) {
        static Parsed ok(Object value) { return new Parsed(value, null); }
        static Parsed fail(String error) { return new Parsed(null, error); }
        public boolean failed() { return error != null; }
    }

    public static Parsed parse(FieldType type, JsonNode node) {
        if (type instanceof FieldType.Money money) {
            return money(money, node);
        }
        if (type instanceof FieldType.MultiDictionary) {
            return codes(node);
        }
        if (type instanceof FieldType.Json) {
            return Parsed.ok(node);
        }
        if (type instanceof FieldType.IntegerType || type instanceof FieldType.BigIntType) {
            return integer(type instanceof FieldType.IntegerType, node);
        }
        if (type instanceof FieldType.DecimalType d) {
            return decimal(node, d.precision(), d.scale());
        }
        if (type instanceof FieldType.BooleanType) {
            return node.isBoolean() ? Parsed.ok(node.booleanValue()) : Parsed.fail("expected true or false");
        }
        if (!node.isTextual()) {
            return Parsed.fail("expected a string");
        }
        return text(type, node.textValue());
    }

    /** Parses a value written as text (filter literals, cursors, CSV). */
    public static Parsed parseText(FieldType type, String text) {
        return text(type, text);
    }

    private static Parsed text(FieldType type, String text) {
        if (type instanceof FieldType.DateType) {
            try {
                return Parsed.ok(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                return Parsed.fail("expected a date like 2026-03-31");
            }
        }
        if (type instanceof FieldType.DateTime) {
            try {
                return Parsed.ok(OffsetDateTime.parse(text));
            } catch (DateTimeParseException e) {
                return Parsed.fail("expected a date-time with offset like 2026-03-31T14:30:00Z");
            }
        }
        if (type instanceof FieldType.UuidType || type instanceof FieldType.Reference) {
            return uuid(type instanceof FieldType.Reference, text);
        }
        if (type instanceof FieldType.Email && !EMAIL.matcher(text).matches()) {
            return Parsed.fail("expected an email address");
        }
        if (type instanceof FieldType.Url && !URL.matcher(text).matches()) {
            return Parsed.fail("expected an http(s) URL");
        }
        if (type instanceof FieldType.Phone && !PHONE.matcher(text).matches()) {
            return Parsed.fail("expected a phone number of digits, spaces and + ( ) . / -");
        }
        if (type instanceof FieldType.IntegerType || type instanceof FieldType.BigIntType
                || type instanceof FieldType.DecimalType || type instanceof FieldType.Money) {
            return number(type, text);
        }
        if (type instanceof FieldType.BooleanType) {
            return text.equals("true") || text.equals("false") ? Parsed.ok(Boolean.parseBoolean(text))
                    : Parsed.fail("expected true or false");
        }
        return Parsed.ok(text);
    }

    private static Parsed number(FieldType type, String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (!Numbers.inRange(value)) {
                return Parsed.fail(Numbers.RANGE);
            }
            if (type instanceof FieldType.IntegerType || type instanceof FieldType.BigIntType) {
                return integerValue(type instanceof FieldType.IntegerType, value);
            }
            return Parsed.ok(value);
        } catch (NumberFormatException e) {
            return Parsed.fail("expected a number");
        }
    }

    private static Parsed uuid(boolean reference, String text) {
        String candidate = text;
        if (reference) {
            var urn = URN.matcher(text);
            if (urn.matches()) {
                candidate = urn.group(1);
            }
        }
        try {
            if (candidate.length() != 36) {
                throw new IllegalArgumentException();
            }
            return Parsed.ok(UUID.fromString(candidate));
        } catch (IllegalArgumentException e) {
            return Parsed.fail(reference ? "expected the id (uuid) or URN of a record" : "expected a uuid");
        }
    }

    private static Parsed integer(boolean int32, JsonNode node) {
        if (!node.isNumber()) {
            return Parsed.fail("expected an integer");
        }
        BigDecimal value = exact(node);
        return value == null ? Parsed.fail(Numbers.RANGE) : integerValue(int32, value);
    }

    /** A JSON number as a decimal, or null when it is infinite or NaN (a double read by another mapper) or out of range. */
    private static BigDecimal exact(JsonNode node) {
        if (node.isDouble() || node.isFloat()) {
            if (!Double.isFinite(node.doubleValue())) {
                return null;
            }
        }
        BigDecimal value = node.decimalValue();
        return Numbers.inRange(value) ? value : null;
    }

    private static Parsed integerValue(boolean int32, BigDecimal value) {
        try {
            long v = value.longValueExact();
            if (int32 && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
                return Parsed.fail("expected an integer between -2147483648 and 2147483647");
            }
            return Parsed.ok(int32 ? (Object) (int) v : (Object) v);
        } catch (ArithmeticException e) {
            return Parsed.fail("expected a whole number within 64 bits");
        }
    }

    private static Parsed decimal(JsonNode node, int precision, int scale) {
        BigDecimal value;
        if (node.isNumber()) {
            value = exact(node);
            if (value == null) {
                return Parsed.fail(Numbers.RANGE);
            }
        } else if (node.isTextual()) {
            try {
                value = new BigDecimal(node.textValue());
            } catch (NumberFormatException e) {
                return Parsed.fail("expected a number");
            }
            if (!Numbers.inRange(value)) {
                return Parsed.fail(Numbers.RANGE);
            }
        } else {
            return Parsed.fail("expected a number");
        }
        return fits(value, precision, scale) ? Parsed.ok(value)
                : Parsed.fail("expected at most " + (precision - scale) + " digits before and " + scale + " after the decimal point");
    }

    static boolean fits(BigDecimal value, int precision, int scale) {
        BigDecimal stripped = value.stripTrailingZeros();
        int fraction = Math.max(stripped.scale(), 0);
        int integerDigits = stripped.precision() - stripped.scale();
        return fraction <= scale && integerDigits <= precision - scale;
    }

    private static Parsed money(FieldType.Money type, JsonNode node) {
        if (!node.isObject() || !node.has("amount") || !node.has("currency")) {
            return Parsed.fail("expected {\"amount\": number, \"currency\": \"ISO 4217 code\"}");
        }
        Parsed amount = decimal(node.get("amount"), type.precision(), type.scale());
        if (amount.failed()) {
            return Parsed.fail("amount: " + amount.error());
        }
        JsonNode currency = node.get("currency");
        if (!currency.isTextual() || !CURRENCY.matcher(currency.textValue()).matches()) {
            return Parsed.fail("currency: expected a three-letter ISO 4217 code such as EUR");
        }
        if (!type.currencies().isEmpty() && !type.currencies().contains(currency.textValue())) {
            return Parsed.fail("currency: expected one of " + type.currencies());
        }
        if (node.size() > 2) {
            return Parsed.fail("expected only amount and currency");
        }
        return Parsed.ok(new Money((BigDecimal) amount.value(), currency.textValue()));
    }

    private static Parsed codes(JsonNode node) {
        if (!node.isArray()) {
            return Parsed.fail("expected an array of codes");
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                return Parsed.fail("expected an array of codes (strings)");
            }
            if (!codes.contains(item.textValue())) {
                codes.add(item.textValue());
            }
        }
        return Parsed.ok(List.copyOf(codes));
    }
}
