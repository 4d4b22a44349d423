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
        StringBuilder out = new StringBuilder();
        statements().forEach(s -> out.append(s).append(";\n"));
        return out.toString();
    }

    /** Each step as SQL; bound values of back-fills are shown as a trailing comment. */
    public List<String> statements() {
        DdlRenderer renderer = new DdlRenderer();
        return steps.stream().map(step -> {
            List<Object> params = renderer.parameters(step);
            return renderer.render(step) + (params.isEmpty() ? "" : " /* $1 = " + params.get(0) + " */");
        }).toList();
    }
}
