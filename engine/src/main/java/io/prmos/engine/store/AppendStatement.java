package io.prmos.engine.store;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends the appends of several observers as one statement: a data-modifying CTE per table. When
 * every append has one row (a single write, the common case) each INSERT takes one {@code VALUES}
 * row of text parameters cast to their column types; otherwise each is fed by {@code unnest} of one
 * {@code text[]} parameter per column, in row order, so identity columns number the rows as they come
 * (the VALUES form costs PostgreSQL about a quarter less, docs/adr/0098). One round trip and one
 * statement whatever the number of observers and records. It notifies nobody: the relay is woken
 * after the commit (docs/adr/0096).
 */
public final class AppendStatement {

    /** The statement text per shape (tables, columns, types, one row or more): built once, not per write. */
    private static final Map<List<Shape>, String> TEXTS = new ConcurrentHashMap<>();

    private record Shape(String table, List<String> columns, List<String> types, boolean oneRow) {
    }

    /** The text of a write with its appends, per write and shape of the appends. */
    private static final Map<WriteShape, String> WRITE_TEXTS = new ConcurrentHashMap<>();

    private record WriteShape(String write, List<Shape> appends) {
    }

    private AppendStatement() {
    }

    /** Appends the rows of {@code appends} (those with rows) in one statement; nothing when none has rows. */
    public static Uni<Void> execute(SqlConnection c, List<Append> appends) {
        List<Append> nonEmpty = appends.stream().filter(a -> !a.rows().isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String sql = TEXTS.computeIfAbsent(shape(nonEmpty), ignored -> render(nonEmpty, new Params()));
        return c.preparedQuery(sql).execute(bound(nonEmpty).tuple()).replaceWithVoid();
    }

    /**
     * A write and the appends it causes as one statement (docs/adr/0102): {@code WITH w AS (write),
     * a0 AS (…), … SELECT * FROM w}, so the statement answers what the write returns. {@code write} uses
     * the parameters {@code $1…$writeParameters}; the appends' ({@link #bound}) follow them.
     */
    static String afterWrite(String write, int writeParameters, List<Append> appends) {
        List<Append> nonEmpty = appends.stream().filter(a -> !a.rows().isEmpty()).toList();
        return WRITE_TEXTS.computeIfAbsent(new WriteShape(write, shape(nonEmpty)), ignored -> {
            Params params = new Params();
            for (int i = 0; i < writeParameters; i++) {
                params.add(null); // the write's own
            }
            List<String> ctes = new ArrayList<>(List.of("w AS (" + write + ")"));
            ctes.addAll(ctes(nonEmpty, params));
            return "WITH " + String.join(", ", ctes) + " SELECT * FROM w";
        });
    }

    private static List<Shape> shape(List<Append> appends) {
        boolean oneRow = oneRowEach(appends);
        List<Shape> shape = new ArrayList<>(appends.size());
        for (Append append : appends) {
            shape.add(new Shape(append.table(), append.columns(), append.types(), oneRow));
        }
        return shape;
    }

    private static boolean oneRowEach(List<Append> appends) {
        return appends.stream().allMatch(append -> append.rows().size() == 1);
    }

    /**
     * The parameters of the statement, in the order {@link #render} numbers them: per append, per column,
     * its one value as text (every append has one row) or a text[] of its values.
     */
    static Params bound(List<Append> appends) {
        Params params = new Params();
        boolean oneRow = oneRowEach(appends);
        for (Append append : appends) {
            for (int col = 0; col < append.columns().size(); col++) {
                params.add(oneRow ? append.rows().get(0)[col] : column(append, col));
            }
        }
        return params;
    }

    private static String[] column(Append append, int col) {
        String[] values = new String[append.rows().size()];
        for (int row = 0; row < values.length; row++) {
            values[row] = append.rows().get(row)[col];
        }
        return values;
    }

    static String render(List<Append> appends, Params params) {
        return "WITH " + String.join(", ", ctes(appends, params)) + " SELECT 1";
    }

    private static List<String> ctes(List<Append> appends, Params params) {
        boolean oneRow = oneRowEach(appends);
        List<String> ctes = new ArrayList<>();
        for (int i = 0; i < appends.size(); i++) {
            Append append = appends.get(i);
            ctes.add("a" + i + " AS (" + (oneRow ? insertRow(append, params) : insert(append, params)) + " RETURNING 1)");
        }
        return ctes;
    }

    /** An append of one row: its values are text parameters, cast to their columns' types. */
    private static String insertRow(Append append, Params params) {
        List<String> values = new ArrayList<>();
        for (int col = 0; col < append.columns().size(); col++) {
            String type = append.types().get(col);
            String value = params.add(append.rows().get(0)[col]) + "::text";
            values.add(Append.TEXT.equals(type) ? value : value + "::" + type);
        }
        return "INSERT INTO " + append.table() + " (" + String.join(", ", append.columns()) + ") VALUES ("
                + String.join(", ", values) + ")";
    }

    private static String insert(Append append, Params params) {
        int n = append.columns().size();
        List<String> arrays = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        for (int col = 0; col < n; col++) {
            arrays.add(params.add(column(append, col)) + "::text[]");
            aliases.add("v" + col);
            String type = append.types().get(col);
            selected.add(Append.TEXT.equals(type) ? "r.v" + col : "r.v" + col + "::" + type);
        }
        return "INSERT INTO " + append.table() + " (" + String.join(", ", append.columns()) + ") SELECT "
                + String.join(", ", selected) + " FROM unnest(" + String.join(", ", arrays) + ") WITH ORDINALITY AS r("
                + String.join(", ", aliases) + ", ord) ORDER BY r.ord";
    }
}
