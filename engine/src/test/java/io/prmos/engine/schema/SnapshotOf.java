package io.prmos.engine.schema;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The snapshot a database would have after applying a plan: a test double built from the plan's own steps. */
final class SnapshotOf {

    private SnapshotOf() {
    }

    static DatabaseSnapshot plan(MigrationPlan plan) {
        Set<String> schemas = new HashSet<>();
        Map<String, Set<String>> columns = new HashMap<>();
        Set<String> indexes = new HashSet<>();
        Set<String> constraints = new HashSet<>();
        Set<String> isolated = new HashSet<>();
        Set<String> granted = new HashSet<>();
        Map<String, String> search = new HashMap<>();
        for (MigrationStep step : plan.steps()) {
            if (step instanceof MigrationStep.CreateSchema s) {
                schemas.add(s.schema());
            } else if (step instanceof MigrationStep.CreateTable t) {
                t.columns().forEach(c -> columns.computeIfAbsent(DatabaseSnapshot.key(t.schema(), t.table()), k -> new HashSet<>()).add(c.name()));
            } else if (step instanceof MigrationStep.CreateHistoryTable h) {
                columns.computeIfAbsent(DatabaseSnapshot.key(h.schema(), h.table()), k -> new HashSet<>()).add("id");
            } else if (step instanceof MigrationStep.AddColumn a) {
                columns.computeIfAbsent(DatabaseSnapshot.key(a.schema(), a.table()), k -> new HashSet<>()).add(a.column().name());
            } else if (step instanceof MigrationStep.EnableTenantIsolation r) {
                isolated.add(DatabaseSnapshot.key(r.schema(), r.table()));
            } else if (step instanceof MigrationStep.GrantDataAccess g) {
                granted.add(DatabaseSnapshot.key(g.schema(), g.table()));
            } else if (step instanceof MigrationStep.AddForeignKey f) {
                constraints.add(DatabaseSnapshot.key(f.schema(), f.name()));
            } else if (step instanceof MigrationStep.AddSearchVector v) {
                search.put(DatabaseSnapshot.columnKey(v.schema(), v.table(), v.vector().column()), v.vector().signature());
                columns.computeIfAbsent(DatabaseSnapshot.key(v.schema(), v.table()), k -> new HashSet<>()).add(v.vector().column());
            } else if (step instanceof MigrationStep.CreateIndex i) {
                indexes.add(DatabaseSnapshot.key(i.schema(), i.index().name()));
            }
        }
        return new DatabaseSnapshot(schemas, columns, indexes, constraints, isolated, granted, search);
    }
}
