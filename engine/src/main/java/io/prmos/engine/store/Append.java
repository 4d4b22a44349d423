package io.prmos.engine.store;

import java.util.List;
import java.util.Objects;

/**
 * Rows one change observer appends to one table for the records of a write, described instead of
 * executed, so that the writer can send the appends of several observers, for every record of the
 * write, as one statement ({@link AppendStatement}; docs/adr/0091). Values travel as text and are
 * cast to their column's type in SQL, so every column binds as one {@code text[]} parameter.
 *
 * @param table   the table, qualified and quoted ({@code SqlIdentifier.qualified})
 * @param columns the columns, quoted ({@code SqlIdentifier.quote})
 * @param types   for each column, the SQL type its text is cast to ({@link #TEXT}, {@link #UUID}, {@link #BIGINT}, {@link #JSONB})
 * @param rows    for each row, one value per column as text ({@code null} for SQL NULL)
 */
public record Append(String table, List<String> columns, List<String> types, List<String[]> rows) {

    public static final String TEXT = "text";
    public static final String UUID = "uuid";
    public static final String BIGINT = "bigint";
    public static final String JSONB = "jsonb";
    private static final List<String> TYPES = List.of(TEXT, UUID, BIGINT, JSONB);

    public Append {
        Objects.requireNonNull(table, "table");
        if (columns.size() != types.size() || !TYPES.containsAll(types)) {
            throw new IllegalArgumentException("one known type per column: " + types);
        }
        for (String[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.length + " values for " + columns.size() + " columns");
            }
        }
    }

    /** A value as the text its column casts from. */
    public static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
