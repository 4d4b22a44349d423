package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.qualified;
import static io.prmos.engine.sql.SqlIdentifier.quote;

import io.prmos.engine.query.SystemFields;
import io.prmos.engine.schema.IndexPlanner;
import io.prmos.engine.sql.CustomFieldSql;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SQL fragments of one entity computed once per catalog: the table, the selected columns in a
 * fixed order (so rows are read by index), and the statements that do not depend on input.
 */
final class EntityStatements implements Columns {

    final EntityDescriptor entity;
    final String table;
    /** Columns in SELECT order: the system columns, then each field's columns. */
    final List<String> columns;
    final String selectList;
    /** A live record by id without a row filter: {@code $1} tenant, {@code $2} id (read path, compiled once). */
    final String selectById;
    /** The same without the kernel's tenant predicate (its test seam): {@code $1} id. */
    final String selectByIdAnyTenant;
    final String insert;
    /** {@link #insert} with the record's id given as {@code $1} (the rest one place later), for a create as one statement. */
    final String insertWithId;
    /** Reserves public-id numbers for this entity ({@link PublicIds#reserveStatement}); {@code null} without public ids. */
    final String reserve;
    /** The select list qualified by {@link #WRITTEN}, the alias of the table in a change-capturing UPDATE. */
    final String writtenSelectList;
    static final String WRITTEN = "written";
    /** Constraint and unique index names → the fields they guard, to explain database errors. */
    final java.util.Map<String, List<String>> constraintFields;
    /** The tenant's custom fields of this entity by name; their values share {@link FieldDescriptor#CUSTOM_COLUMN}. */
    final java.util.Map<String, FieldDescriptor> custom;
    /** Index of {@link FieldDescriptor#CUSTOM_COLUMN} in {@link #columns}, or -1 when the entity has no custom field. */
    final int customIndex;
    private volatile BatchInsert batchInsert;

    EntityStatements(EntityDescriptor entity) {
        this.entity = entity;
        this.table = qualified(entity.schema(), entity.table());
        java.util.Map<String, FieldDescriptor> customFields = new java.util.LinkedHashMap<>();
        List<String> cols = new ArrayList<>(SystemFields.ORDER);
        cols.add("deleted_at");
        for (FieldDescriptor field : entity.fields()) {
            if (field.custom()) {
                customFields.put(field.name(), field);
            } else {
                cols.addAll(field.columns());
            }
        }
        if (!customFields.isEmpty()) {
            cols.add(FieldDescriptor.CUSTOM_COLUMN);
        }
        this.custom = java.util.Collections.unmodifiableMap(customFields);
        this.customIndex = customFields.isEmpty() ? -1 : cols.size() - 1;
        // The public id is always the last column (RowMapper reads it there).
        if (entity.options().publicId().isPresent()) {
            cols.add(PublicIds.COLUMN);
        }
        this.columns = List.copyOf(cols);
        this.selectList = columns.stream().map(c -> selected(null, c)).collect(Collectors.joining(", "));
        this.selectById = "SELECT " + selectList + " FROM " + table + " WHERE " + quote("tenant_id") + " = $1 AND "
                + quote("id") + " = $2 AND " + quote("deleted_at") + " IS NULL";
        this.selectByIdAnyTenant = "SELECT " + selectList + " FROM " + table + " WHERE TRUE AND " + quote("id") + " = $1 AND "
                + quote("deleted_at") + " IS NULL";
        this.insert = insertStatement(false);
        this.insertWithId = insertStatement(true);
        this.reserve = entity.options().publicId().isPresent() ? PublicIds.reserveStatement(entity) : null;
        this.writtenSelectList = columns.stream().map(c -> selected(WRITTEN, c)).collect(Collectors.joining(", "));
        this.constraintFields = constraintFields(entity);
    }

    /** A selected column; the custom values are read as text so that numbers keep every digit. */
    private static String selected(String alias, String column) {
        String name = (alias == null ? "" : quote(alias) + ".") + quote(column);
        return column.equals(FieldDescriptor.CUSTOM_COLUMN) ? name + "::text AS " + quote(column) : name;
    }

    @Override
    public String sql(String column) {
        FieldDescriptor field = custom.get(column);
        return field == null ? quote(column) : CustomFieldSql.expression(field);
    }

    @Override
    public Object comparable(String column, Object value) {
        return custom.containsKey(column) ? CustomFieldSql.comparable(value) : value;
    }

    /**
     * INSERT of every field column: $1 tenant, $2 user, then the field columns in order, then the
     * custom values, then the public number and id (reserved beforehand, {@link PublicIds}). With
     * {@code withId} the record's id comes first, as $1, and every other parameter one place later.
     */
    private String insertStatement(boolean withId) {
        int first = withId ? 2 : 1;
        List<String> insertColumns = new ArrayList<>(List.of("tenant_id", "created_by", "updated_by"));
        List<String> values = new ArrayList<>(List.of("$" + first, "$" + (first + 1), "$" + (first + 1)));
        if (withId) {
            insertColumns.add(0, "id");
            values.add(0, "$1");
        }
        int n = first + 2;
        for (FieldDescriptor field : entity.fields()) {
            if (field.custom()) {
                continue;
            }
            for (String column : field.columns()) {
                insertColumns.add(column);
                values.add("$" + n++);
            }
        }
        if (!custom.isEmpty()) {
            insertColumns.add(FieldDescriptor.CUSTOM_COLUMN);
            values.add("$" + n++ + "::text::jsonb");
        }
        if (entity.options().publicId().isPresent()) {
            insertColumns.add(PublicIds.SEQUENCE_COLUMN);
            insertColumns.add(PublicIds.COLUMN);
            values.add("$" + n++ + "::bigint");
            values.add("$" + n);
        }
        return "INSERT INTO " + table + " (" + insertColumns.stream().map(c -> quote(c)).collect(Collectors.joining(", "))
                + ") VALUES (" + String.join(", ", values) + ") RETURNING " + selectList;
    }

    private static java.util.Map<String, List<String>> constraintFields(EntityDescriptor entity) {
        java.util.Map<String, List<String>> names = new java.util.HashMap<>();
        for (FieldDescriptor field : entity.fields().stream().filter(f -> !f.custom()).toList()) {
            names.put(IndexPlanner.name(entity.table(), field.columns(), "key"), List.of(field.name()));
            names.put(IndexPlanner.name(entity.table(), List.of(field.column()), "fkey"), List.of(field.name()));
        }
        for (var index : entity.indexes()) {
            if (index.unique()) {
                List<String> columns = index.fields().stream()
                        .flatMap(f -> entity.field(f).map(FieldDescriptor::columns).orElse(List.of(f)).stream()).toList();
                names.put(index.name() != null ? index.name() : IndexPlanner.name(entity.table(), columns, "key"), index.fields());
            }
        }
        return java.util.Map.copyOf(names);
    }

    /** The bulk form of {@link #insert} (docs/adr/0095), rendered on first use. */
    BatchInsert batchInsert() {
        BatchInsert rendered = batchInsert;
        if (rendered == null) {
            rendered = BatchInsert.of(this);
            batchInsert = rendered;
        }
        return rendered;
    }

    int indexOf(String column) {
        return columns.indexOf(column);
    }
}
