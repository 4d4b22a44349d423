package io.prmos.metadata.catalog;

import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import java.util.List;

/**
 * A compiled field: its definition plus the database columns it occupies. Most fields own one
 * column named like the field; a money field owns {@code {name}_amount} and {@code {name}_currency}.
 */
public record FieldDescriptor(FieldDef def, List<String> columns) {

    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";

    public FieldDescriptor {
        columns = List.copyOf(columns);
    }

    public static FieldDescriptor of(FieldDef def) {
        List<String> columns = def.type() instanceof FieldType.Money
                ? List.of(def.name() + "_" + AMOUNT, def.name() + "_" + CURRENCY)
                : List.of(def.name());
        return new FieldDescriptor(def, columns);
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
