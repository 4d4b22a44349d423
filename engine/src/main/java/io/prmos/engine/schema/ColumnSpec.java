package io.prmos.engine.schema;

/** A column to create: name, PostgreSQL type (built from typed metadata, never from input) and nullability. */
public record ColumnSpec(String name, String sqlType, boolean notNull, String defaultExpression) {

    public static ColumnSpec nullable(String name, String sqlType) {
        return new ColumnSpec(name, sqlType, false, null);
    }
}
