package io.prmos.engine.store;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the appends of several observers as one statement: a data-modifying CTE per table, each an
 * INSERT fed by {@code unnest} of one {@code text[]} parameter per column (in row order, so identity
 * columns number the rows as they come), then one NOTIFY per channel if anything was appended there.
 * One round trip and one statement whatever the number of observers and records.
 */
public final class AppendStatement {

    private AppendStatement() {
    }

    /** Appends the rows of {@code appends} (those with rows) in one statement; nothing when none has rows. */
    public static Uni<Void> execute(SqlConnection c, List<Append> appends) {
        List<Append> nonEmpty = appends.stream().filter(a -> !a.rows().isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Params params = new Params();
        String sql = render(nonEmpty, params);
        return c.preparedQuery(sql).execute(params.tuple()).replaceWithVoid();
    }

    static String render(List<Append> appends, Params params) {
        List<String> ctes = new ArrayList<>();
        List<String> notifications = new ArrayList<>();
        for (int i = 0; i < appends.size(); i++) {
            Append append = appends.get(i);
            String name = "a" + i;
            ctes.add(name + " AS (" + insert(append, params) + " RETURNING 1)");
            if (append.channel() != null) {
                notifications.add("SELECT pg_notify(" + params.add(append.channel()) + ", '') FROM (SELECT 1 FROM " + name
                        + " LIMIT 1) AS n" + i);
            }
        }
        String main = notifications.isEmpty() ? "SELECT 1" : String.join(" UNION ALL ", notifications);
        return "WITH " + String.join(", ", ctes) + " " + main;
    }

    private static String insert(Append append, Params params) {
        int n = append.columns().size();
        List<String> arrays = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        for (int col = 0; col < n; col++) {
            String[] values = new String[append.rows().size()];
            for (int row = 0; row < values.length; row++) {
                values[row] = append.rows().get(row)[col];
            }
            arrays.add(params.add(values) + "::text[]");
            aliases.add("v" + col);
            String type = append.types().get(col);
            selected.add(Append.TEXT.equals(type) ? "r.v" + col : "r.v" + col + "::" + type);
        }
        return "INSERT INTO " + append.table() + " (" + String.join(", ", append.columns()) + ") SELECT "
                + String.join(", ", selected) + " FROM unnest(" + String.join(", ", arrays) + ") WITH ORDINALITY AS r("
                + String.join(", ", aliases) + ", ord) ORDER BY r.ord";
    }
}
