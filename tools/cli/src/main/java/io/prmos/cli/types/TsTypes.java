package io.prmos.cli.types;

import io.prmos.metadata.model.DictionaryDef;
import io.prmos.metadata.model.FieldType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The TypeScript type of a field's value as the record API writes and reads it (engine RowMapper):
 * numbers of every kind (decimal included) are JSON numbers, dates and times ISO strings, money an
 * object, a reference the target's uuid, a dictionary one of its codes.
 */
final class TsTypes {

    private final Map<String, DictionaryDef> dictionaries;

    TsTypes(Map<String, DictionaryDef> dictionaries) {
        this.dictionaries = dictionaries;
    }

    String of(FieldType type) {
        if (type instanceof FieldType.Money money) {
            return "{ amount: number; currency: " + union(money.currencies(), false) + " }";
        }
        if (type instanceof FieldType.Dictionary dictionary) {
            return dictionary(dictionary.dictionary());
        }
        if (type instanceof FieldType.MultiDictionary dictionary) {
            return "Array<" + dictionary(dictionary.dictionary()) + ">";
        }
        return switch (type.name()) {
            case "integer", "bigint", "decimal" -> "number";
            case "boolean" -> "boolean";
            case "json" -> "unknown";
            // text, longtext, email, url, phone, uuid, reference, date, datetime
            default -> "string";
        };
    }

    /** The codes of a dictionary; an extensible one also takes codes tenants add at run time. */
    private String dictionary(String name) {
        DictionaryDef dictionary = dictionaries.get(name);
        if (dictionary == null) {
            return "string";
        }
        return union(dictionary.values().stream().map(DictionaryDef.Value::code).toList(), dictionary.extensible());
    }

    /** {@code 'a' | 'b'}; {@code string} for no literals; {@code | (string & {})} keeps the literals' completion when open. */
    static String union(List<String> literals, boolean open) {
        if (literals.isEmpty()) {
            return "string";
        }
        String union = literals.stream().map(TsTypes::literal).collect(Collectors.joining(" | "));
        return open ? union + " | (string & {})" : union;
    }

    static String literal(String value) {
        StringBuilder out = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('\'').toString();
    }
}
