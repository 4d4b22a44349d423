package io.prmos.engine.registry;

import io.prmos.engine.schema.RegistryRows.StoredVersion;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.ActivityEntries;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;
import java.util.Set;

/**
 * The activity entries of platform operations. Publishing, rolling back and purging a module change
 * every tenant, so each is logged once with no tenant ({@code tenant_id} null); every tenant's admins
 * read these entries next to their own (docs/audit.md, ADR 0070). They are written on the operation's
 * own transaction, so an entry exists exactly when the change committed.
 */
final class PlatformActivity {

    static final String PUBLISHED = "published";
    static final String PURGED = "purged";

    private PlatformActivity() {
    }

    /** The operator of changes no person made: the start-up bootstrap and the development folder watcher. */
    static Caller system(String actor) {
        return new Caller(null, actor, actor, Set.of());
    }

    /** One {@code published} entry per changed module; {@code verb} says how ("Published ", "Rolled back to "). */
    static Uni<Void> published(SqlConnection c, Caller operator, List<StoredVersion> versions, String verb) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StoredVersion version : versions) {
            chain = chain.flatMap(x -> append(c, operator, PUBLISHED, version.module(),
                    verb + version.module() + " " + version.version()));
        }
        return chain;
    }

    static Uni<Void> purged(SqlConnection c, Caller operator, String module, int statements) {
        return append(c, operator, PURGED, module, "Purged the archived data of " + module + " (" + statements + " statement(s))");
    }

    private static Uni<Void> append(SqlConnection c, Caller operator, String action, String module, String summary) {
        return ActivityEntries.append(c, null, operator, action, null, null, null, "urn:prm:module:" + module, summary);
    }
}
