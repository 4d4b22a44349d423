package io.prmos.metadata.catalog;

import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import java.util.List;

/**
 * A compiled field: its definition plus the database columns it occupies. Most fields own one
 * column named like the field; a money field owns {@code {name}_amount} and {@code {name}_currency}.
 * A tenant's custom field ({@code custom}) owns no column of its own: its value is the key of the
 * same name in the row's {@link #CUSTOM_COLUMN} JSONB object, and {@link #column()} names that key.
 */
public record FieldDescriptor(FieldDef def, List<String> columns, boolean custom) {

    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";
    /** The JSONB column holding the custom field values of every tenant (ADR 0065). */
    public static final String CUSTOM_COLUMN = "_custom";

    public FieldDescriptor {
        columns = List.copyOf(columns);
    }

    public FieldDescriptor(FieldDef def, List<String> columns) {
        this(def, columns, false);
    }

    /**
     * The name's hash, which String caches: the write path keys maps by field, and the record's derived
     * hash walked the whole definition on every lookup. Consistent with the derived {@code equals}
     * (equal descriptors have equal names); same-named fields of different entities merely share a bucket.
     */
    @Override
    public int hashCode() {
        return def.name().hashCode();
    }

    public static FieldDescriptor of(FieldDef def) {
        List<String> columns = def.type() instanceof FieldType.Money
                ? List.of(def.name() + "_" + AMOUNT, def.name() + "_" + CURRENCY)
                : List.of(def.name());
        return new FieldDescriptor(def, columns);
    }

    /** A tenant's custom field: stored under its name in {@link #CUSTOM_COLUMN}. */
    public static FieldDescriptor custom(FieldDef def) {
        return new FieldDescriptor(def, List.of(def.name()), true);
    }

    public String name() {
        return def.name();
    }

    public FieldType type() {
        return def.type();
    }

    /** The single column of a one-column field, or the amount column of a money field. */
    public String column() {
        return columns.get(0);
    }

    public boolean isMoney() {
        return def.type() instanceof FieldType.Money;
    }
}
