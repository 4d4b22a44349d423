package io.prmos.engine.schema;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The module registry rows written in the same transaction as a migration's DDL, so a version is
 * active exactly when its storage exists. (Reads elsewhere use the Panache entity ModuleVersion.)
 */
public final class RegistryRows {

    /** The channel other engine instances listen on for catalog changes. */
    public static final String CHANNEL = "prm_catalog";

    /** One stored version. */
    public record StoredVersion(String module, String version, String file, String source, String checksum,
                                String status, OffsetDateTime installedAt, String installedBy) {
    }

    private static final String COLUMNS = "module, version, file, manifest, checksum, status, installed_at, installed_by";
    private static final String ACTIVE = "SELECT " + COLUMNS + " FROM prm_kernel.module_version WHERE status = 'active' ORDER BY module";
    private static final String HISTORY = "SELECT " + COLUMNS + " FROM prm_kernel.module_version WHERE module = $1"
            + " ORDER BY installed_at DESC, id DESC";
    private static final String RETIRE = "UPDATE prm_kernel.module_version SET status = $2 WHERE module = $1 AND status = 'active'";
    private static final String UPSERT = "INSERT INTO prm_kernel.module_version (" + COLUMNS + ")"
            + " VALUES ($1, $2, $3, $4, $5, 'active', now(), $6)"
            + " ON CONFLICT (module, version) DO UPDATE SET status = 'active', file = EXCLUDED.file,"
            + " manifest = EXCLUDED.manifest, checksum = EXCLUDED.checksum, installed_at = now(), installed_by = EXCLUDED.installed_by";
    private static final String NOTIFY = "SELECT pg_notify($1, $2)";

    private RegistryRows() {
    }

    public static Uni<List<StoredVersion>> active(SqlConnection c) {
        return c.query(ACTIVE).execute().map(RegistryRows::versions);
    }

    public static Uni<List<StoredVersion>> history(SqlConnection c, String module) {
        return c.preparedQuery(HISTORY).execute(Tuple.of(module)).map(RegistryRows::versions);
    }

    /**
     * Makes {@code version} the active one: the previous active version becomes {@code previousStatus}
     * (superseded after a publish, rolled_back after a rollback).
     */
    public static Uni<Void> activate(SqlConnection c, StoredVersion version, String previousStatus) {
        return c.preparedQuery(RETIRE).execute(Tuple.of(version.module(), previousStatus))
                .flatMap(x -> c.preparedQuery(UPSERT).execute(Tuple.tuple(List.of(version.module(), version.version(),
                        version.file(), version.source(), version.checksum(), version.installedBy()))))
                .replaceWithVoid();
    }

    /** Serialises publishes: held until the transaction ends. */
    public static Uni<Void> lock(SqlConnection c, long key) {
        return c.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(key)).replaceWithVoid();
    }

    /** Delivered to listeners when the transaction commits, never if it rolls back. */
    public static Uni<Void> notifyChange(SqlConnection c, String payload) {
        return c.preparedQuery(NOTIFY).execute(Tuple.of(CHANNEL, payload)).replaceWithVoid();
    }

    private static List<StoredVersion> versions(Iterable<Row> rows) {
        List<StoredVersion> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new StoredVersion(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                    r.getString(5), r.getOffsetDateTime(6), r.getString(7)));
        }
        return out;
    }
}
