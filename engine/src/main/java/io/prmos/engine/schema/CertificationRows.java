package io.prmos.engine.schema;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The certification recorded for a module version ({@code prm_kernel.module_certification}), written on
 * the publish transaction beside the registry rows; a certificate for a version recorded again replaces
 * the earlier one. (Reads use the Panache entity ModuleCertification.)
 */
public final class CertificationRows {

    private static final String RECORD = "INSERT INTO prm_kernel.module_certification (module, version, manifest_checksum, passed,"
            + " checks, tool_version, certified_at, digest, signed, certificate, recorded_by)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"
            + " ON CONFLICT (module, version) DO UPDATE SET manifest_checksum = EXCLUDED.manifest_checksum, passed = EXCLUDED.passed,"
            + " checks = EXCLUDED.checks, tool_version = EXCLUDED.tool_version, certified_at = EXCLUDED.certified_at,"
            + " digest = EXCLUDED.digest, signed = EXCLUDED.signed, certificate = EXCLUDED.certificate,"
            + " recorded_at = now(), recorded_by = EXCLUDED.recorded_by";

    /** One certificate as stored: checks and certificate are JSON text. */
    public record Row(String module, String version, String manifestChecksum, boolean passed, String checks, String toolVersion,
                      String certifiedAt, String digest, boolean signed, String certificate, String recordedBy) {
    }

    private CertificationRows() {
    }

    public static Uni<Void> record(SqlConnection c, Row row) {
        return c.preparedQuery(RECORD).execute(Tuple.tuple(java.util.List.of(row.module(), row.version(), row.manifestChecksum(),
                row.passed(), row.checks(), row.toolVersion(), row.certifiedAt(), row.digest(), row.signed(), row.certificate(),
                row.recordedBy()))).replaceWithVoid();
    }
}
