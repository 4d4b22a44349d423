package io.prmos.metadata.check;

import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;

/**
 * Limits of PostgreSQL a manifest could run into only at publish or at the first write, checked
 * here so that the CLI and the engine refuse such a manifest with its location instead of the
 * database failing: columns per table and the fixed-width part of a row. (The column names of money
 * fields are checked by {@link EntityRules}; the names the engine derives for constraints, indexes
 * and archives are shortened with a checksum by the engine itself and need no limit.)
 */
final class StorageRules {

    /** PostgreSQL's limit of columns per table (dropped columns count too). */
    static final int MAX_COLUMNS = 1600;
    /**
     * Columns the engine may add to an entity table: 8 system columns, the public id and its number,
     * five search vectors (the full one and up to four for partial visible sets), the custom-field column.
     */
    static final int ENGINE_COLUMNS = 16;
    /** Bytes of a row's fixed-width columns a heap page holds: 8,160 minus the tuple header and null bitmap. */
    static final int MAX_FIXED_ROW_BYTES = 8160 - 24 - MAX_COLUMNS / 8;
    /** The fixed-width system columns: id (uuid), version, created_at, updated_at, deleted_at, public_seq. */
    private static final int ENGINE_FIXED_BYTES = 16 + 5 * 8;

    private StorageRules() {
    }

    static void check(ModuleContext context) {
        for (EntityDef entity : context.manifest().entities().values()) {
            String pointer = Pointer.of("entities", entity.name());
            int columns = 0;
            int fixed = ENGINE_FIXED_BYTES;
            for (FieldDef field : entity.fields().values()) {
                columns += FieldDescriptor.of(field).columns().size();
                fixed += fixedWidth(field.type());
            }
            int allowed = MAX_COLUMNS - ENGINE_COLUMNS;
            if (columns > allowed) {
                context.atKey(pointer + "/fields", "entity '" + entity.name() + "' needs " + columns
                        + " columns for its fields (a money field takes two); PostgreSQL allows " + MAX_COLUMNS
                        + " per table and the engine keeps " + ENGINE_COLUMNS + " of them, so at most " + allowed
                        + " are possible — split the entity");
            } else if (fixed > MAX_FIXED_ROW_BYTES) {
                context.atKey(pointer + "/fields", "a row of entity '" + entity.name() + "' needs " + fixed
                        + " bytes for its fixed-size fields (integer 4, bigint, datetime 8, uuid and reference 16 each); "
                        + "PostgreSQL stores at most " + MAX_FIXED_ROW_BYTES + " in one row — split the entity");
            }
        }
    }

    /** Bytes of a non-null value of a fixed-width column (rounded up to its alignment); 0 for variable-width types. */
    private static int fixedWidth(FieldType type) {
        if (type instanceof FieldType.Reference || type instanceof FieldType.UuidType) {
            return 16;
        }
        return switch (type.name()) {
            case "integer", "date" -> 4;
            case "bigint", "datetime" -> 8;
            case "boolean" -> 1;
            default -> 0;
        };
    }
}
