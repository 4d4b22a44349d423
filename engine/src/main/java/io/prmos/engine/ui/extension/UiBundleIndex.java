package io.prmos.engine.ui.extension;

import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.schema.UiBundleRows;
import io.prmos.metadata.catalog.Catalog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The bundle hash of each module's active version, read once per activated catalog: bundles are
 * written in the transaction that activates their version, and the catalog is swapped in after it
 * commits (here or, through NOTIFY, on another instance), so a new catalog means a fresh read.
 */
@ApplicationScoped
public class UiBundleIndex {

    @Inject
    Pool pool;

    @Inject
    CatalogHolder holder;

    private volatile Snapshot snapshot;

    private record Snapshot(Catalog catalog, Map<String, String> hashes) {
    }

    public Uni<Map<String, String>> activeHashes() {
        Catalog catalog = holder.current();
        Snapshot current = snapshot;
        if (current != null && current.catalog() == catalog) {
            return Uni.createFrom().item(current.hashes());
        }
        return UiBundleRows.activeHashes(pool).invoke(hashes -> snapshot = new Snapshot(catalog, Map.copyOf(hashes)));
    }
}
