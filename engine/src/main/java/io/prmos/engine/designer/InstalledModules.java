package io.prmos.engine.designer;

import io.prmos.engine.registry.ManifestSource;
import io.prmos.engine.schema.RegistryRows;
import io.prmos.engine.schema.RegistryRows.StoredVersion;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The active version of every installed module, as the registry stores it: the text that was published. */
@ApplicationScoped
public class InstalledModules {

    @Inject
    Pool pool;

    Uni<List<StoredVersion>> active() {
        return pool.withConnection(RegistryRows::active);
    }

    Uni<List<ManifestSource>> sources() {
        return active().map(rows -> rows.stream().map(v -> new ManifestSource(v.file(), v.source())).toList());
    }
}
