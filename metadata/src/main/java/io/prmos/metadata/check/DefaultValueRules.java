package io.prmos.metadata.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.model.DictionaryDef;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

/** A field's {@code default} must be a value the field itself would accept. */
final class DefaultValueRules {

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private DefaultValueRules() {
    }

    static void check(ModuleContext context, String fieldPointer, FieldDef field) {
        field.defaultValue().ifPresent(value -> problem(context, field, value)
                .ifPresent(message -> context.atValue(fieldPointer + "/default", message)));
    }

    private static Optional<String> problem(ModuleContext context, FieldDef field, JsonNode value) {
        if (value.isNull()) {
            return field.required() ? Optional.of("default of a required field cannot be null") : Optional.empty();
        }
        FieldType type = field.type();
        if (type instanceof FieldType.Text text) {
            return textProblem(field, value, text.maxLength());
        } else if (type instanceof FieldType.LongText || type instanceof FieldType.Phone) {
            return value.isTextual() ? Optional.empty() : expected("text", value);
        } else if (type instanceof FieldType.Email) {
            return formatProblem(value, EMAIL.matcher(value.asText()).matches(), "an email address");
        } else if (type instanceof FieldType.Url) {
            return formatProblem(value, isUrl(value.asText()), "an absolute http(s) URL");
        } else if (type instanceof FieldType.UuidType) {
            return formatProblem(value, UUID.matcher(value.asText()).matches(), "a UUID");
        } else if (type instanceof FieldType.DateType) {
            return formatProblem(value, parses(() -> LocalDate.parse(value.asText())), "a date like 2024-12-31");
        } else if (type instanceof FieldType.DateTime) {
            return formatProblem(value, parses(() -> OffsetDateTime.parse(value.asText())),
                    "a date-time with offset like 2024-12-31T23:59:00Z");
        } else if (type instanceof FieldType.BooleanType) {
            return value.isBoolean() ? Optional.empty() : expected("a boolean", value);
        } else if (type instanceof FieldType.IntegerType) {
            return integerProblem(field, value, BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE));
        } else if (type instanceof FieldType.BigIntType) {
            return integerProblem(field, value, BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE));
        } else if (type instanceof FieldType.DecimalType) {
            return value.isNumber() ? rangeProblem(field, value.decimalValue()) : expected("a number", value);
        }
        return otherProblem(context, type, value);
    }

    private static Optional<String> otherProblem(ModuleContext context, FieldType type, JsonNode value) {
        if (type instanceof FieldType.Dictionary d) {
            return codeProblem(context, d.dictionary(), value);
        } else if (type instanceof FieldType.MultiDictionary d) {
            if (!value.isArray()) {
                return expected("an array of codes of dictionary '" + d.dictionary() + "'", value);
            }
            for (JsonNode item : value) {
                Optional<String> problem = codeProblem(context, d.dictionary(), item);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        } else if (type instanceof FieldType.Money || type instanceof FieldType.Reference) {
            return Optional.of("a " + type.name() + " field cannot have a default");
        }
        return Optional.empty(); // json: any value
    }

    private static Optional<String> textProblem(FieldDef field, JsonNode value, int maxLength) {
        if (!value.isTextual()) {
            return expected("text", value);
        }
        int length = value.asText().codePointCount(0, value.asText().length());
        if (length > maxLength) {
            return Optional.of("default is " + length + " characters long, more than maxLength " + maxLength);
        }
        if (field.minLength().filter(min -> length < min).isPresent()) {
            return Optional.of("default is " + length + " characters long, less than minLength " + field.minLength().get());
        }
        return Optional.empty();
    }

    private static Optional<String> integerProblem(FieldDef field, JsonNode value, BigDecimal low, BigDecimal high) {
        if (!value.isIntegralNumber()) {
            return expected("an integer", value);
        }
        BigDecimal number = value.decimalValue();
        if (number.compareTo(low) < 0 || number.compareTo(high) > 0) {
            return Optional.of("default " + number.toPlainString() + " is out of range for a "
                    + field.type().name() + " field");
        }
        return rangeProblem(field, number);
    }

    private static Optional<String> rangeProblem(FieldDef field, BigDecimal number) {
        if (field.min().filter(min -> number.compareTo(min) < 0).isPresent()) {
            return Optional.of("default " + number.toPlainString() + " is less than min " + field.min().get().toPlainString());
        }
        if (field.max().filter(max -> number.compareTo(max) > 0).isPresent()) {
            return Optional.of("default " + number.toPlainString() + " is greater than max " + field.max().get().toPlainString());
        }
        return Optional.empty();
    }

    private static Optional<String> codeProblem(ModuleContext context, String dictionaryName, JsonNode value) {
        DictionaryDef dictionary = context.manifest().dictionaries().get(dictionaryName);
        if (dictionary == null) {
            return Optional.empty(); // the missing dictionary is reported on the field itself
        }
        if (!value.isTextual() || !dictionary.hasCode(value.asText())) {
            return Optional.of("default " + value + " is not a code of dictionary '" + dictionaryName + "'");
        }
        return Optional.empty();
    }

    private static Optional<String> formatProblem(JsonNode value, boolean valid, String what) {
        return value.isTextual() && valid ? Optional.empty() : expected(what, value);
    }

    private static Optional<String> expected(String what, JsonNode value) {
        return Optional.of("default must be " + what + ", got " + value);
    }

    private static boolean isUrl(String text) {
        return parses(() -> {
            URI uri = new URI(text);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
            return uri;
        });
    }

    private interface Parse {
        Object run() throws Exception;
    }

    private static boolean parses(Parse parse) {
        try {
            parse.run();
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
