package io.prmos.engine.store.kernel;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Grants the data role its rights on the notification, task and agent-run tables (Flyway creates them
 * but cannot know the configured role's name). Idempotent; run at start after the role exists.
 */
public final class KernelFeatureGrants {

    private static final String[] TABLES = {"notification", "task", "agent_run", "agent_run_event"};

    private KernelFeatureGrants() {
    }

    public static Uni<Void> ensure(SqlConnection owner, String dataRole) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        String role = io.prmos.engine.sql.SqlIdentifier.quote(dataRole);
        for (String table : TABLES) {
            chain = chain.flatMap(x -> owner.query("GRANT SELECT, INSERT, UPDATE ON prm_kernel." + table + " TO " + role)
                    .execute().replaceWithVoid());
        }
        return chain;
    }
}
