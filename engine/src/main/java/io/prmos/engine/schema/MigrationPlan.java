package io.prmos.engine.schema;

import java.util.List;

/** An ordered list of migration steps; empty when the database already matches the catalog. */
public record MigrationPlan(List<MigrationStep> steps) {

    public MigrationPlan {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The plan as reviewable SQL, one statement per line group. */
    public String toSql() {
        DdlRenderer renderer = new DdlRenderer();
        StringBuilder out = new StringBuilder();
        for (MigrationStep step : steps) {
            out.append(renderer.render(step)).append(";\n");
        }
        return out.toString();
    }
}
