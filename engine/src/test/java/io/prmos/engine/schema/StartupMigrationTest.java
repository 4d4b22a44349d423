package io.prmos.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.engine.registry.CatalogHolder;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against the real database the engine started with: storage exists, and applying again changes nothing. */
@QuarkusTest
class StartupMigrationTest {

    @Inject
    Pool pool;

    @Inject
    CatalogHolder catalogs;

    @Test
    void applyingTheActiveCatalogAgainPlansAndChangesNothing() {
        MigrationPlan again = pool.withTransaction(c -> new SchemaMigrator("prm_app").migrate(c, catalogs.current()))
                .await().atMost(Duration.ofSeconds(30));
        assertEquals(List.of(), again.steps());
    }

    @Test
    void everyEntityTableHasTenantIsolationAndItsIndexes() {
        var rows = pool.query("SELECT tablename FROM pg_policies WHERE policyname = 'tenant_isolation' ORDER BY 1")
                .execute().await().atMost(Duration.ofSeconds(10));
        List<String> isolated = new java.util.ArrayList<>();
        rows.forEach(r -> isolated.add(r.getString(0)));
        assertTrue(isolated.containsAll(List.of("deal", "organization", "partner", "person")), isolated.toString());
        var indexes = pool.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'partners'")
                .execute().await().atMost(Duration.ofSeconds(10));
        List<String> names = new java.util.ArrayList<>();
        indexes.forEach(r -> names.add(r.getString(0)));
        assertTrue(names.containsAll(List.of("partner_pkey", "partner_score_idx", "partner_types_gin", "partner_region_tier_idx")), names.toString());
    }

    @Test
    void theInstalledVersionsAreRecorded() {
        var rows = pool.query("SELECT module || '@' || version || ':' || status FROM prm_kernel.module_version ORDER BY module")
                .execute().await().atMost(Duration.ofSeconds(10));
        List<String> versions = new java.util.ArrayList<>();
        rows.forEach(r -> versions.add(r.getString(0)));
        // other specs publish modules of their own into the same database; the samples must be there
        assertTrue(versions.containsAll(List.of("deals@1.0.0:active", "organizations@1.0.0:active", "partners@1.0.0:active",
                "people@1.0.0:active")), versions.toString());
    }
}
