package io.prmos.engine.schema;

import io.prmos.engine.schema.RegistryRows.StoredVersion;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The UI extension bundles of module versions ({@code prm_kernel.module_ui_bundle}, ADR 0151): written
 * in the publish transaction with the versions they belong to, read by content hash. The bundle of a
 * module's active version is the one the shell loads, so a rollback brings the older UI back with it.
 */
public final class UiBundleRows {

    /** Larger bundles are refused: an extension shares React and the design system, it carries only its own code. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final String UPSERT = "INSERT INTO prm_kernel.module_ui_bundle (module, version, hash, content) VALUES ($1, $2, $3, $4) "
            + "ON CONFLICT (module, version) DO UPDATE SET hash = EXCLUDED.hash, content = EXCLUDED.content, created_at = now()";
    private static final String INHERIT = "INSERT INTO prm_kernel.module_ui_bundle (module, version, hash, content) "
            + "SELECT b.module, $2, b.hash, b.content FROM prm_kernel.module_ui_bundle b JOIN prm_kernel.module_version v "
            + "ON v.module = b.module AND v.version = b.version WHERE v.status = 'active' AND b.module = $1 "
            + "ON CONFLICT (module, version) DO NOTHING";
    private static final String BY_HASH = "SELECT content FROM prm_kernel.module_ui_bundle WHERE module = $1 AND hash = $2 LIMIT 1";
    private static final String ACTIVE = "SELECT b.module, b.hash FROM prm_kernel.module_ui_bundle b JOIN prm_kernel.module_version v "
            + "ON v.module = b.module AND v.version = b.version WHERE v.status = 'active'";

    private UiBundleRows() {
    }

    /** The first 32 hex digits of the SHA-256 of the bundle: its name in URLs, stable for the same bytes. */
    public static String hash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refusals for bundles (by manifest file) that cannot be stored (too large); empty when all may be. */
    public static List<String> refusals(Map<String, String> bundlesByFile) {
        List<String> out = new ArrayList<>();
        bundlesByFile.forEach((file, bundle) -> {
            if (bundle.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
                out.add(file + ": the UI bundle is larger than " + MAX_BYTES / 1024 + " KiB");
            }
        });
        return out;
    }

    /**
     * Stores, for each version this publish changed, the bundle submitted with its manifest. A version
     * published without one (the designer edits manifests only) keeps the bundle of the version active
     * before it, so runs before the new versions are activated.
     */
    public static Uni<Void> record(SqlConnection c, List<StoredVersion> changed, Map<String, String> byFile) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StoredVersion version : changed) {
            String bundle = byFile.get(version.file());
            chain = chain.flatMap(x -> bundle == null
                    ? c.preparedQuery(INHERIT).execute(Tuple.of(version.module(), version.version())).replaceWithVoid()
                    : c.preparedQuery(UPSERT).execute(Tuple.of(version.module(), version.version(), hash(bundle), bundle)).replaceWithVoid());
        }
        return chain;
    }

    /** The bundle of {@code module} with this hash, whichever version stored it. */
    public static Uni<Optional<String>> content(SqlClient client, String module, String hash) {
        return client.preparedQuery(BY_HASH).execute(Tuple.of(module, hash))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(rows.iterator().next().getString(0)) : Optional.empty());
    }

    /** The hash of each active module version's bundle, by module; modules without a bundle are absent. */
    public static Uni<Map<String, String>> activeHashes(SqlClient client) {
        return client.query(ACTIVE).execute().map(rows -> {
            Map<String, String> out = new HashMap<>();
            for (Row row : rows) {
                out.put(row.getString(0), row.getString(1));
            }
            return out;
        });
    }
}
