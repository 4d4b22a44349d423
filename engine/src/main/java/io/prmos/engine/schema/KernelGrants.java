package io.prmos.engine.schema;

import static io.prmos.engine.sql.SqlIdentifier.quote;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Grants the data role what it needs on the kernel's own tables that record work touches under
 * row-level security: reading and appending to the activity log, the record links (UPDATE
 * because creating an existing link is an {@code INSERT … ON CONFLICT DO UPDATE}) and the public-id
 * counters (an upsert too), and the job queue (docs/jobs.md). Flyway creates
 * the tables but cannot know the configured role's name. Idempotent; run at start after the role exists.
 */
public final class KernelGrants {

    private KernelGrants() {
    }

    public static Uni<Void> ensure(SqlConnection owner, String dataRole) {
        String role = quote(dataRole);
        return owner.query("GRANT USAGE ON SCHEMA " + quote("prm_kernel") + " TO " + role).execute()
                .flatMap(x -> owner.query("GRANT SELECT, INSERT ON " + quote("prm_kernel") + "." + quote("activity")
                        + " TO " + role).execute())
                .flatMap(x -> owner.query("GRANT SELECT, INSERT, UPDATE, DELETE ON " + quote("prm_kernel") + "." + quote("record_link")
                        + " TO " + role).execute())
                .flatMap(x -> owner.query("GRANT SELECT, INSERT, UPDATE ON " + quote("prm_kernel") + "." + quote("public_id_counter")
                        + " TO " + role).execute())
                .flatMap(x -> owner.query("GRANT SELECT, INSERT, UPDATE ON " + quote("prm_kernel") + "." + quote("job")
                        + " TO " + role).execute())
                .replaceWithVoid();
    }
}
