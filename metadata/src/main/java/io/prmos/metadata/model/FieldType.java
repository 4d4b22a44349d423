package io.prmos.metadata.model;

import java.util.List;

/**
 * The type of a field, with the options that only make sense for that type. Sealed so that every
 * pass (DDL, validation, codecs, OpenAPI, UI) handles every type or fails to compile.
 */
public sealed interface FieldType {

    /** The name used in manifests ({@code text}, {@code money}, ...). */
    String name();

    record Text(int maxLength) implements FieldType {
        public static final int DEFAULT_MAX_LENGTH = 255;
        public String name() { return "text"; }
    }

    record LongText() implements FieldType {
        public String name() { return "longtext"; }
    }

    record IntegerType() implements FieldType {
        public String name() { return "integer"; }
    }

    record BigIntType() implements FieldType {
        public String name() { return "bigint"; }
    }

    record DecimalType(int precision, int scale) implements FieldType {
        public static final int DEFAULT_PRECISION = 18;
        public static final int DEFAULT_SCALE = 2;
        public String name() { return "decimal"; }
    }

    /** An amount with an ISO 4217 currency; {@code currencies} restricts the allowed codes when not empty. */
    record Money(int precision, int scale, List<String> currencies) implements FieldType {
        public static final int DEFAULT_PRECISION = 19;
        public static final int DEFAULT_SCALE = 4;
        public String name() { return "money"; }
    }

    record BooleanType() implements FieldType {
        public String name() { return "boolean"; }
    }

    record DateType() implements FieldType {
        public String name() { return "date"; }
    }

    record DateTime() implements FieldType {
        public String name() { return "datetime"; }
    }

    record Email() implements FieldType {
        public static final int MAX_LENGTH = 320;
        public String name() { return "email"; }
    }

    record Url() implements FieldType {
        public static final int MAX_LENGTH = 2048;
        public String name() { return "url"; }
    }

    record Phone() implements FieldType {
        public static final int MAX_LENGTH = 32;
        public String name() { return "phone"; }
    }

    record UuidType() implements FieldType {
        public String name() { return "uuid"; }
    }

    record Json() implements FieldType {
        public String name() { return "json"; }
    }

    /** One value of a dictionary declared in this module. */
    record Dictionary(String dictionary) implements FieldType {
        public String name() { return "dictionary"; }
    }

    /** Several values of a dictionary declared in this module. */
    record MultiDictionary(String dictionary) implements FieldType {
        public String name() { return "multidictionary"; }
    }

    /**
     * A reference to a record of an entity: {@code Partner} (same module) or
     * {@code organizations.Organization} (a required module).
     */
    record Reference(String target, OnDelete onDelete) implements FieldType {
        public String name() { return "reference"; }

        public boolean crossModule() {
            return target.contains(".");
        }

        public String targetModule(String ownModule) {
            return crossModule() ? target.substring(0, target.indexOf('.')) : ownModule;
        }

        public String targetEntity() {
            return crossModule() ? target.substring(target.indexOf('.') + 1) : target;
        }
    }

    enum OnDelete { RESTRICT, SET_NULL, CASCADE }
}
