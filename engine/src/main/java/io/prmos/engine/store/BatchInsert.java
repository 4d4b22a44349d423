package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.quote;

import io.prmos.engine.schema.ColumnSpec;
import io.prmos.engine.schema.ColumnTypes;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.vertx.core.json.Json;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rows of a bulk request's run of creates as one INSERT fed by {@code unnest} of one array
 * parameter per column (docs/adr/0095): PostgreSQL plans and starts one statement instead of one
 * per row, which halves its cost per row on an indexed table. The values are those of
 * {@link RecordWriter#insertTuple}, transposed into typed arrays (an array column's values as JSON
 * arrays); the ids are chosen here so the returned rows can be put back in item order whatever order
 * RETURNING gives them in. A run whose values do not fit the column arrays (a before-write stage set a
 * value of another Java type) is left to the per-row statement ({@link #tuple} answers {@code null}).
 */
final class BatchInsert {

    /** How one column's values travel: the array type bound, the cast applied to each element, the conversion. */
    private enum Kind {
        TEXT("text[]", null, v -> v instanceof String s ? s : NO),
        UUID_("uuid[]", null, v -> v instanceof UUID u ? u : NO),
        INT8("int8[]", null, v -> v instanceof Integer i ? (Object) i.longValue() : v instanceof Long l ? l : NO),
        NUMERIC("numeric[]", null, v -> v instanceof Numeric n ? n : NO),
        BOOL("bool[]", null, v -> v instanceof Boolean b ? b : NO),
        DATE("date[]", null, v -> v instanceof LocalDate d ? d : NO),
        TIMESTAMPTZ("timestamptz[]", null, v -> v instanceof OffsetDateTime t ? t : NO),
        /** A json field's value as the client would bind it (a Vert.x JSON value), sent as its text. */
        JSON("text[]", "jsonb", BatchInsert::jsonText),
        /** Text that already is JSON (the custom values). */
        JSON_TEXT("text[]", "jsonb", v -> v instanceof String s ? s : NO),
        /** An array column's value, sent as a JSON array (2-D arrays cannot carry rows of differing lengths). */
        TEXT_ARRAY("text[]", null, v -> v instanceof String[] a ? new io.vertx.core.json.JsonArray(java.util.Arrays.asList(a)).encode() : NO);

        final String arrayType;
        final String cast;
        final Function<Object, Object> convert;

        Kind(String arrayType, String cast, Function<Object, Object> convert) {
            this.arrayType = arrayType;
            this.cast = cast;
            this.convert = convert;
        }

        Object[] newArray(int size) {
            return switch (this) {
                case UUID_ -> new UUID[size];
                case INT8 -> new Long[size];
                case NUMERIC -> new Numeric[size];
                case BOOL -> new Boolean[size];
                case DATE -> new LocalDate[size];
                case TIMESTAMPTZ -> new OffsetDateTime[size];
                default -> new String[size];
            };
        }
    }

    /** A value that does not fit its column's array. */
    private static final Object NO = new Object();

    final String sql;
    /** The kind of each value of an insert tuple after the tenant and the user, in tuple order. */
    private final List<Kind> kinds;

    private BatchInsert(String sql, List<Kind> kinds) {
        this.sql = sql;
        this.kinds = kinds;
    }

    /** The statement of {@code s}'s entity, in the column order of {@link EntityStatements#insert}. */
    static BatchInsert of(EntityStatements s) {
        EntityDescriptor entity = s.entity;
        List<ColumnSpec> specs = new ArrayList<>();
        for (FieldDescriptor field : entity.fields()) {
            if (!field.custom()) {
                specs.addAll(ColumnTypes.columnsOf(field));
            }
        }
        List<Kind> kinds = new ArrayList<>(specs.stream().map(spec -> kindOf(spec.sqlType())).toList());
        if (s.customIndex >= 0) {
            specs.add(ColumnSpec.nullable(FieldDescriptor.CUSTOM_COLUMN, "jsonb"));
            kinds.add(Kind.JSON_TEXT); // the custom values are JSON text already
        }
        for (ColumnSpec spec : ColumnTypes.registryColumns(entity)) {
            specs.add(spec);
            kinds.add(kindOf(spec.sqlType()));
        }
        List<String> columns = new ArrayList<>(List.of("id", "tenant_id", "created_by", "updated_by"));
        List<String> arrays = new ArrayList<>(List.of("$3::uuid[]"));
        List<String> aliases = new ArrayList<>(List.of("v0"));
        List<String> selected = new ArrayList<>(List.of("r.v0", "$1::text", "$2::text", "$2::text"));
        for (int i = 0; i < specs.size(); i++) {
            columns.add(specs.get(i).name());
            arrays.add("$" + (i + 4) + "::" + kinds.get(i).arrayType);
            aliases.add("v" + (i + 1));
            selected.add(element(kinds.get(i), "r.v" + (i + 1), specs.get(i).sqlType()));
        }
        String sql = "INSERT INTO " + s.table + " (" + columns.stream().map(c -> quote(c)).collect(Collectors.joining(", "))
                + ") SELECT " + String.join(", ", selected) + " FROM unnest(" + String.join(", ", arrays)
                + ") WITH ORDINALITY AS r(" + String.join(", ", aliases) + ", ord) ORDER BY r.ord RETURNING " + s.selectList;
        return new BatchInsert(sql, List.copyOf(kinds));
    }

    /**
     * The selected value of one column. An array column's JSON becomes an array of its elements in order,
     * cast without the element length: the INSERT's assignment cast then refuses an element that is too
     * long, as the single-row INSERT does (an explicit cast to {@code varchar(63)[]} would cut it).
     */
    private static String element(Kind kind, String value, String sqlType) {
        if (kind == Kind.TEXT_ARRAY) {
            return "CASE WHEN " + value + " IS NULL THEN NULL ELSE ARRAY(SELECT e.v FROM jsonb_array_elements_text(" + value
                    + "::jsonb) WITH ORDINALITY AS e(v, n) ORDER BY e.n) END::" + sqlType.replaceAll("\\(\\d+\\)", "");
        }
        return kind.cast == null ? value : value + "::" + kind.cast;
    }

    private static Kind kindOf(String sqlType) {
        if (sqlType.endsWith("[]")) {
            return Kind.TEXT_ARRAY;
        }
        if (sqlType.startsWith("varchar") || sqlType.startsWith("char") || sqlType.equals("text")) {
            return Kind.TEXT;
        }
        if (sqlType.startsWith("numeric")) {
            return Kind.NUMERIC;
        }
        return switch (sqlType) {
            case "uuid" -> Kind.UUID_;
            case "integer", "bigint" -> Kind.INT8;
            case "boolean" -> Kind.BOOL;
            case "date" -> Kind.DATE;
            case "timestamptz" -> Kind.TIMESTAMPTZ;
            case "jsonb" -> Kind.JSON;
            default -> throw new IllegalArgumentException("no array kind for column type " + sqlType);
        };
    }

    /**
     * The parameters for {@code rows} (insert tuples of one caller: tenant, user, then the values) with
     * {@code ids} as their ids; {@code null} when a value does not fit its column's array.
     */
    Tuple tuple(List<Tuple> rows, List<UUID> ids) {
        Tuple first = rows.get(0);
        List<Object> params = new ArrayList<>(kinds.size() + 3);
        params.add(first.getValue(0));
        params.add(first.getValue(1));
        params.add(ids.toArray(UUID[]::new));
        for (int col = 0; col < kinds.size(); col++) {
            Kind kind = kinds.get(col);
            Object[] values = kind.newArray(rows.size());
            for (int row = 0; row < rows.size(); row++) {
                Object value = rows.get(row).getValue(col + 2);
                Object converted = value == null ? null : kind.convert.apply(value);
                if (converted == NO) {
                    return null;
                }
                values[row] = converted;
            }
            params.add(values);
        }
        return Tuple.from(params);
    }

    /** The returned rows in the order of {@code ids}. */
    static List<Row> inOrder(RowSet<Row> returned, List<UUID> ids) {
        Map<UUID, Row> byId = new HashMap<>(ids.size() * 2);
        for (Row row : returned) {
            byId.put(row.getUUID(0), row);
        }
        List<Row> ordered = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Row row = byId.get(id);
            if (row == null) {
                throw new IllegalStateException("the batch insert returned no row for " + id);
            }
            ordered.add(row);
        }
        return ordered;
    }

    private static Object jsonText(Object value) {
        if (value == io.vertx.sqlclient.Tuple.JSON_NULL) {
            return "null";
        }
        try {
            return Json.encode(value);
        } catch (RuntimeException notJson) {
            return NO;
        }
    }
}
