package io.prmos.metadata.check;

import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Per-field rules: name, type options, constraints and (via {@link DefaultValueRules}) the default. */
final class FieldRules {

    /** PostgreSQL's limit for a varchar length. */
    static final int MAX_TEXT_LENGTH = 10_485_760;
    static final int MAX_PRECISION = 1000;

    private FieldRules() {
    }

    static void check(ModuleContext context, EntityDef entity, FieldDef field) {
        String pointer = Pointer.of("entities", entity.name(), "fields", field.name());
        NameRules.fieldName(field.name()).ifPresent(m -> context.atKey(pointer, m));
        checkTypeOptions(context, pointer, field);
        checkUniqueSortable(context, pointer, field);
        checkRanges(context, pointer, field);
        checkPattern(context, pointer, field);
        DefaultValueRules.check(context, pointer, field);
    }

    private static void checkTypeOptions(ModuleContext context, String pointer, FieldDef field) {
        FieldType type = field.type();
        if (type instanceof FieldType.DecimalType d) {
            checkPrecision(context, pointer, d.precision(), d.scale());
        } else if (type instanceof FieldType.Money m) {
            checkPrecision(context, pointer, m.precision(), m.scale());
        } else if (type instanceof FieldType.Dictionary d) {
            checkDictionary(context, pointer, d.dictionary());
        } else if (type instanceof FieldType.MultiDictionary d) {
            checkDictionary(context, pointer, d.dictionary());
        } else if (type instanceof FieldType.Reference r) {
            ReferenceRules.check(context, pointer, field, r);
        }
    }

    private static void checkPrecision(ModuleContext context, String pointer, int precision, int scale) {
        if (precision < 1 || precision > MAX_PRECISION) {
            context.atValue(pointer + "/precision", "precision must be between 1 and " + MAX_PRECISION + ", got " + precision);
        } else if (scale < 0 || scale > precision) {
            context.atValue(pointer + "/scale", "scale must be between 0 and the precision " + precision + ", got " + scale);
        }
    }

    private static void checkDictionary(ModuleContext context, String pointer, String dictionary) {
        if (!context.manifest().dictionaries().containsKey(dictionary)) {
            context.atValue(pointer + "/dictionary", "dictionary '" + dictionary + "' is not declared in module '"
                    + context.manifest().module() + "'");
        }
    }

    private static void checkUniqueSortable(ModuleContext context, String pointer, FieldDef field) {
        String type = field.type().name();
        boolean unorderable = field.type() instanceof FieldType.Json || field.type() instanceof FieldType.LongText
                || field.type() instanceof FieldType.MultiDictionary;
        if (unorderable && field.unique()) {
            context.atValue(pointer + "/unique", "a " + type + " field cannot be unique");
        }
        if (unorderable && field.sortable()) {
            context.atValue(pointer + "/sortable", "a " + type + " field cannot be sortable");
        }
    }

    private static void checkRanges(ModuleContext context, String pointer, FieldDef field) {
        if (field.min().isPresent() && field.max().isPresent() && field.min().get().compareTo(field.max().get()) > 0) {
            context.atValue(pointer + "/min", "min " + field.min().get().toPlainString()
                    + " is greater than max " + field.max().get().toPlainString());
        }
        if (field.minLength().isPresent() && field.maxLength().isPresent()
                && field.minLength().get() > field.maxLength().get()) {
            context.atValue(pointer + "/minLength", "minLength " + field.minLength().get()
                    + " is greater than maxLength " + field.maxLength().get());
        }
        field.maxLength().filter(max -> max > MAX_TEXT_LENGTH).ifPresent(max ->
                context.atValue(pointer + "/maxLength", "maxLength must be at most " + MAX_TEXT_LENGTH + ", got " + max));
        if (field.type() instanceof FieldType.Text && field.maxLength().filter(max -> max < 1).isPresent()) {
            context.atValue(pointer + "/maxLength", "maxLength of a text field must be at least 1");
        }
    }

    private static void checkPattern(ModuleContext context, String pointer, FieldDef field) {
        field.pattern().ifPresent(pattern -> {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                context.atValue(pointer + "/pattern", "pattern does not compile: " + e.getDescription()
                        + " near index " + e.getIndex());
            }
        });
    }
}
