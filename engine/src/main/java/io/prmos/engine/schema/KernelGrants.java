package io.prmos.engine.schema;

import static io.prmos.engine.sql.SqlIdentifier.quote;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Grants the data role what it needs on the kernel's own tables that record work touches inside
 * the record's transaction: reading and appending to the activity log (row-level security keeps
 * it to the caller's tenant). Idempotent; run at start after the role exists.
 */
public final class KernelGrants {

    private KernelGrants() {
    }

    public static Uni<Void> ensure(SqlConnection owner, String dataRole) {
        String role = quote(dataRole);
        return owner.query("GRANT USAGE ON SCHEMA " + quote("prm_kernel") + " TO " + role).execute()
                .flatMap(x -> owner.query("GRANT SELECT, INSERT ON " + quote("prm_kernel") + "." + quote("activity")
                        + " TO " + role).execute())
                .replaceWithVoid();
    }
}
