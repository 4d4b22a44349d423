package io.prmos.engine.schema;

import io.prmos.metadata.catalog.Catalog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Brings the database up to a catalog inside the caller's transaction, under an advisory lock so
 * two engines never plan against the same state at once. The plan is computed after the lock is
 * held; applying an already-applied catalog plans nothing.
 */
public final class SchemaMigrator {

    /** Arbitrary, fixed key of the advisory lock that serialises schema changes (publishes included). */
    public static final long SCHEMA_LOCK = 0x50524d4f53L;

    private final SchemaIntrospector introspector = new SchemaIntrospector();
    private final SchemaPlanner planner;
    private final DdlRenderer renderer = new DdlRenderer();
    private final String dataRole;

    public SchemaMigrator(String dataRole) {
        this.dataRole = dataRole;
        this.planner = new SchemaPlanner(dataRole);
    }

    public Uni<MigrationPlan> migrate(SqlConnection c, Catalog catalog) {
        return RegistryRows.lock(c, SCHEMA_LOCK)
                .flatMap(x -> introspector.snapshot(c, catalog, dataRole))
                .map(snapshot -> planner.plan(catalog, snapshot))
                .flatMap(plan -> apply(c, plan).replaceWith(plan));
    }


    public Uni<Void> apply(SqlConnection c, MigrationPlan plan) {
        return io.smallrye.mutiny.Multi.createFrom().iterable(plan.steps())
                .onItem().transformToUniAndConcatenate(step -> execute(c, step))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> execute(SqlConnection c, MigrationStep step) {
        String sql = renderer.render(step);
        java.util.List<Object> params = renderer.parameters(step);
        return (params.isEmpty() ? c.query(sql).execute() : c.preparedQuery(sql).execute(io.vertx.mutiny.sqlclient.Tuple.from(params)))
                .replaceWithVoid();
    }
}
