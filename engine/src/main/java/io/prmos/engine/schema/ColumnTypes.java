package io.prmos.engine.schema;

import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import java.util.List;

/** Maps field types to PostgreSQL column types. The type text is built from typed numbers only. */
public final class ColumnTypes {

    private ColumnTypes() {
    }

    public static List<ColumnSpec> columnsOf(FieldDescriptor field) {
        boolean notNull = field.def().required();
        if (field.type() instanceof FieldType.Money money) {
            return List.of(
                    new ColumnSpec(field.columns().get(0), "numeric(" + money.precision() + "," + money.scale() + ")", notNull, null),
                    new ColumnSpec(field.columns().get(1), "char(3)", notNull, null));
        }
        return List.of(new ColumnSpec(field.column(), sqlType(field.type()), notNull, null));
    }

    public static String sqlType(FieldType type) {
        if (type instanceof FieldType.Text t) return "varchar(" + t.maxLength() + ")";
        if (type instanceof FieldType.DecimalType d) return "numeric(" + d.precision() + "," + d.scale() + ")";
        if (type instanceof FieldType.Money m) return "numeric(" + m.precision() + "," + m.scale() + ")";
        if (type instanceof FieldType.Email) return "varchar(" + FieldType.Email.MAX_LENGTH + ")";
        if (type instanceof FieldType.Url) return "varchar(" + FieldType.Url.MAX_LENGTH + ")";
        if (type instanceof FieldType.Phone) return "varchar(" + FieldType.Phone.MAX_LENGTH + ")";
        if (type instanceof FieldType.MultiDictionary) return "varchar(63)[]";
        if (type instanceof FieldType.Dictionary) return "varchar(63)";
        if (type instanceof FieldType.Reference || type instanceof FieldType.UuidType) return "uuid";
        return switch (type.name()) {
            case "longtext" -> "text";
            case "integer" -> "integer";
            case "bigint" -> "bigint";
            case "boolean" -> "boolean";
            case "date" -> "date";
            case "datetime" -> "timestamptz";
            case "json" -> "jsonb";
            default -> throw new IllegalArgumentException("no column type for " + type);
        };
    }

    /** Columns the entity registry adds: the public id and its number when the entity declares {@code publicId}. */
    public static List<ColumnSpec> registryColumns(io.prmos.metadata.catalog.EntityDescriptor entity) {
        if (entity.options().publicId().isEmpty()) {
            return List.of();
        }
        return List.of(ColumnSpec.nullable("public_seq", "bigint"), ColumnSpec.nullable("public_id", "varchar(32)"));
    }

    /** The system columns every entity table starts with. */
    public static List<ColumnSpec> systemColumns() {
        return List.of(
                new ColumnSpec("id", "uuid", true, "gen_random_uuid()"),
                new ColumnSpec("tenant_id", "varchar(63)", true, null),
                new ColumnSpec("version", "bigint", true, "1"),
                new ColumnSpec("created_at", "timestamptz", true, "now()"),
                new ColumnSpec("created_by", "varchar(255)", true, null),
                new ColumnSpec("updated_at", "timestamptz", true, "now()"),
                new ColumnSpec("updated_by", "varchar(255)", true, null),
                new ColumnSpec("deleted_at", "timestamptz", false, null));
    }
}
