package io.prmos.engine.schema;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The explicit purge of what removals archived: columns and tables of a module's schema whose
 * names start with {@code _removed_}. Nothing else can be planned here.
 */
public final class ArchivePurge {

    private static final String ARCHIVED = "SELECT table_name, column_name FROM information_schema.columns"
            + " WHERE table_schema = $1 AND (column_name LIKE '\\_removed\\_%' OR table_name LIKE '\\_removed\\_%')"
            + " ORDER BY table_name, column_name";

    private ArchivePurge() {
    }

    public static Uni<MigrationPlan> plan(SqlConnection c, String schema) {
        return c.preparedQuery(ARCHIVED).execute(Tuple.of(schema)).map(rows -> {
            List<MigrationStep> steps = new ArrayList<>();
            List<String> tables = new ArrayList<>();
            for (Row row : rows) {
                String table = row.getString(0);
                if (table.startsWith(EvolutionPlanner.ARCHIVE_PREFIX)) {
                    if (!tables.contains(table)) {
                        tables.add(table);
                        steps.add(new MigrationStep.PurgeTable(schema, table));
                    }
                } else {
                    steps.add(new MigrationStep.PurgeColumn(schema, table, row.getString(1)));
                }
            }
            return new MigrationPlan(steps);
        });
    }
}
