package io.prmos.engine.schema;

import static io.prmos.engine.sql.SqlIdentifier.quote;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Kernel tables the data role works on under row-level security (record links). Flyway creates
 * them but cannot know the configured role's name, so the grants are given at start, each time
 * (UPDATE because creating an existing link is an {@code INSERT … ON CONFLICT DO UPDATE}).
 */
public final class KernelGrants {

    private KernelGrants() {
    }

    public static Uni<Void> ensure(SqlConnection owner, String dataRole) {
        String role = quote(dataRole);
        return owner.query("GRANT USAGE ON SCHEMA " + quote("prm_kernel") + " TO " + role).execute()
                .flatMap(x -> owner.query("GRANT SELECT, INSERT, UPDATE, DELETE ON " + quote("prm_kernel") + "." + quote("record_link")
                        + " TO " + role).execute())
                .replaceWithVoid();
    }
}
