package io.prmos.engine.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Tenant isolation over HTTP. alice (acme) and dave (globex) each create records in every entity;
 * then every globex user attacks acme's records in every way {@link CrossTenantAttacks} generates.
 * Every attempt must be refused exactly as the same request naming a random id, lists never show
 * an acme row, and at the end acme's records are unchanged.
 */
@QuarkusTest
class CrossTenantSpec {

    private static final int FLOOR = 500;

    @TestFactory
    Stream<DynamicTest> attacks() {
        PermissionOracle oracle = PermissionOracle.load(Path.of("../modules"));
        TestUser alice = TestUser.named("alice");
        TestUser dave = TestUser.named("dave");
        TenantRecords acme = TenantRecords.create(alice, oracle);
        TenantRecords globex = TenantRecords.create(dave, oracle);
        List<TestUser> attackers = TestUser.configured().stream().filter(u -> u.tenant().equals(dave.tenant())).toList();

        CaseLog log = new CaseLog("cross-tenant", "attempts", "refused");
        CrossTenantAttacks attacks = new CrossTenantAttacks(acme, globex, log);
        for (TestUser attacker : attackers) {
            for (EntityDescriptor entity : oracle.catalog().entities()) {
                attacks.generate(attacker, entity);
            }
        }
        for (EntityDescriptor entity : oracle.catalog().entities()) {
            log.addClosing("alice · " + entity.qualifiedName() + " · acme's records unchanged", () -> unchanged(acme, entity));
        }
        return log.withSummary(FLOOR).stream();
    }

    /** Live records read back byte for byte as created (version 1); the deleted one is still deleted at version 2. */
    private static void unchanged(TenantRecords acme, EntityDescriptor entity) {
        for (JsonNode record : acme.live(entity)) {
            JsonNode now = Http.get(entity, acme.owner, record.path("id").asText());
            OperationCases.assertEquals(record, now, "acme record after the attacks");
            OperationCases.assertEquals(1, now.path("version").asInt(), "version");
        }
        String deleted = acme.deleted(entity).path("id").asText();
        Http.expectProblem(Http.as(acme.owner).get(Http.item(entity, deleted)), 404, "the deleted acme record");
        JsonNode restored = Http.body(Http.as(acme.owner).header("If-Match", "\"2\"").post(Http.item(entity, deleted) + "/restore"));
        OperationCases.assertEquals(3, restored.path("version").asInt(), "version of the deleted record restored with If-Match 2: " + restored);
    }
}
