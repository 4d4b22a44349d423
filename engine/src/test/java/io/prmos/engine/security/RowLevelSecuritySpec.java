package io.prmos.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.store.KernelTenantFilter;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The second wall alone: with the kernel's tenant predicate switched off, PostgreSQL row-level
 * security must still keep globex out of acme's rows, over HTTP and in SQL as the data role.
 */
@QuarkusTest
@TestProfile(KernelTenantFilterOff.class)
class RowLevelSecuritySpec {

    @Inject
    @ReactiveDataSource("app")
    Pool pool;

    @Inject
    KernelTenantFilter kernelFilter;

    @Test
    void theKernelFilterIsReallyOff() {
        assertFalse(kernelFilter.enabled(), "this spec must run with only row-level security between tenants");
    }

    @TestFactory
    Stream<DynamicTest> attacksMeetOnlyRowLevelSecurity() {
        PermissionOracle oracle = PermissionOracle.load(Path.of("../modules"));
        TestUser alice = TestUser.named("alice");
        TestUser dave = TestUser.named("dave");
        TenantRecords acme = TenantRecords.create(alice, oracle);
        TenantRecords globex = TenantRecords.create(dave, oracle);
        CaseLog log = new CaseLog("rls", "attempts", "refused");
        CrossTenantAttacks attacks = new CrossTenantAttacks(acme, globex, log);
        for (EntityDescriptor entity : oracle.catalog().entities()) {
            attacks.generate(dave, entity);
        }
        for (EntityDescriptor entity : oracle.catalog().entities()) {
            log.addClosing("alice · " + entity.qualifiedName() + " · acme's records unchanged", () -> {
                for (JsonNode record : acme.live(entity)) {
                    OperationCases.assertEquals(record, Http.get(entity, alice, record.path("id").asText()), "acme record");
                }
            });
        }
        return log.withSummary(48).stream();
    }

    /**
     * Reads and one-statement creates of two tenants, interleaved from several threads over the same pooled
     * connections, whose sessions keep the last tenant set (docs/adr/0104): with only row-level security
     * between tenants, each caller sees and writes its own tenant's rows only.
     */
    @Test
    void connectionsSwitchingTenantsNeverServeTheSessionsPreviousTenant() throws Exception {
        PermissionOracle oracle = PermissionOracle.load(Path.of("../modules"));
        EntityDescriptor partner = oracle.catalog().entity("partners", "partner").orElseThrow();
        TestUser alice = TestUser.named("alice");
        TestUser dave = TestUser.named("dave");
        String mark = "session " + java.util.UUID.randomUUID().toString().substring(0, 8) + " ";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<String>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                TestUser user = i % 2 == 0 ? alice : dave;
                String name = mark + user.name() + " " + i;
                done.add(pool.submit(() -> {
                    JsonNode created = Http.created(partner, user, java.util.Map.of("name", name, "tier", "gold"));
                    JsonNode read = Http.get(partner, user, created.path("id").asText());
                    assertEquals(name, read.path("name").asText(), "read back by its own tenant");
                    JsonNode page = Http.body(Http.as(user).queryParam("filter", "name startsWith '" + mark + "'")
                            .queryParam("limit", 100).get(Http.collection(partner)));
                    for (JsonNode item : page.path("items")) {
                        assertTrue(item.path("name").asText().startsWith(mark + user.name() + " "),
                                user.name() + " sees " + item.path("name").asText());
                    }
                    return created.path("id").asText();
                }));
            }
            for (java.util.concurrent.Future<String> each : done) {
                each.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long acme = asTenant("acme", c -> count(c, "SELECT count(*) FROM partners.partner WHERE name LIKE '" + mark + "alice %'"));
        long globex = asTenant("globex", c -> count(c, "SELECT count(*) FROM partners.partner WHERE name LIKE '" + mark + "dave %'"));
        assertEquals(30L, acme, "alice's creates are acme's");
        assertEquals(30L, globex, "dave's creates are globex's");
    }

    @Test
    void theDataRoleSeesAndChangesNoRowOfAnotherTenant() {
        PermissionOracle oracle = PermissionOracle.load(Path.of("../modules"));
        TenantRecords.create(TestUser.named("alice"), oracle);
        TenantRecords.create(TestUser.named("dave"), oracle);

        long acmeRows = asTenant("acme", c -> count(c, "SELECT count(*) FROM partners.partner WHERE tenant_id = 'acme'"));
        assertTrue(acmeRows >= 3, "acme has partners to protect: " + acmeRows);
        List<Long> counts = asTenant("globex", c -> count(c, "SELECT count(*) FROM partners.partner")
                .flatMap(all -> count(c, "SELECT count(*) FROM partners.partner WHERE tenant_id = 'acme'")
                        .flatMap(acme -> count(c, "SELECT count(*) FROM partners.partner WHERE tenant_id = 'globex'")
                                .map(globex -> List.of(all, acme, globex)))));
        assertEquals(0L, counts.get(1), "acme rows visible to globex");
        assertTrue(counts.get(2) >= 3, "globex sees its own partners: " + counts);
        assertEquals(counts.get(2), counts.get(0), "every row globex counts is its own");
        int updated = asTenant("globex", c -> c.query("UPDATE partners.partner SET name = 'x' WHERE tenant_id = 'acme'").execute()
                .map(rows -> rows.rowCount()));
        assertEquals(0, updated, "rows of acme updated under tenant globex");
        assertEquals(0L, (long) asTenant("acme", c -> count(c, "SELECT count(*) FROM partners.partner WHERE name = 'x'")));

        Throwable insert = asTenant("globex", c -> c.query("INSERT INTO partners.partner (id, tenant_id, created_by, updated_by, name, tier)"
                + " VALUES (gen_random_uuid(), 'acme', 'intruder', 'intruder', 'planted', 'registered')").execute()
                .map(rows -> (Throwable) null).onFailure().recoverWithItem(f -> f));
        assertTrue(insert instanceof PgException, "an acme row inserted under tenant globex was accepted");
        assertEquals("42501", ((PgException) insert).getSqlState(), "expected a row-level security violation: " + insert);
        assertEquals(0L, (long) asTenant("acme", c -> count(c, "SELECT count(*) FROM partners.partner WHERE name = 'planted'")));
    }

    @Test
    void theDataRoleIsNeitherSuperuserNorExemptFromRowLevelSecurity() {
        Row role = asTenant("globex", c -> c.query("SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
                .execute().map(rows -> rows.iterator().next()));
        assertEquals("prm_app", role.getString(0));
        assertFalse(role.getBoolean(1), "prm_app is a superuser");
        assertFalse(role.getBoolean(2), "prm_app bypasses row-level security");
    }

    /** Runs on one connection of the data pool with {@code prm.tenant} set for the session, then clears it. */
    private <T> T asTenant(String tenant, java.util.function.Function<SqlConnection, Uni<T>> work) {
        return pool.withConnection(c -> c.preparedQuery("SELECT set_config('prm.tenant', $1, false)")
                        .execute(io.vertx.mutiny.sqlclient.Tuple.of(tenant))
                        .flatMap(x -> work.apply(c))
                        .eventually(() -> c.query("SELECT set_config('prm.tenant', '', false)").execute()))
                .await().atMost(java.time.Duration.ofSeconds(30));
    }

    private static Uni<Long> count(SqlConnection c, String sql) {
        return c.query(sql).execute().map(rows -> rows.iterator().next().getLong(0));
    }
}
