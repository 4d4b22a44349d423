package io.prmos.metadata.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prmos.metadata.filter.FieldPath;
import io.prmos.metadata.filter.Filter;
import io.prmos.metadata.filter.Literal;
import io.prmos.metadata.model.EntityPermission;
import io.prmos.metadata.model.FieldAccess;
import io.prmos.metadata.model.Manifest;
import io.prmos.metadata.model.PermissionSet;
import io.prmos.metadata.model.RecordScope;
import io.prmos.metadata.model.RoleDef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample modules' roles and permissions map to exactly what their YAML says. */
class PermissionMappingTest {

    private final ManifestLoader loader = new ManifestLoader();

    @Test
    void organizationsDeclaresTheThreeRolesAndGrantsOnItsOwnEntity() {
        Manifest organizations = sample("organizations");

        assertEquals(List.of("partner_manager", "sales_rep", "partner_viewer"), List.copyOf(organizations.roles().keySet()));
        assertEquals(new RoleDef("partner_viewer", "Partner viewer",
                        "Read-only view of active partners and organizations, without commercial details."),
                organizations.roles().get("partner_viewer"));
        assertEquals(List.of(
                new PermissionSet("partner_manager", List.of(new EntityPermission("Organization", RecordScope.ALL, true,
                        RecordScope.ALL, RecordScope.ALL, RecordScope.ALL, true, Map.of()))),
                new PermissionSet("sales_rep", List.of(readAll("Organization", Map.of()))),
                new PermissionSet("partner_viewer", List.of(readAll("Organization", Map.of())))),
                organizations.permissions());
    }

    @Test
    void salesRepWorksTheirOwnDealsAndSeesPartnersWithoutCommercialFields() {
        EntityPermission deal = grant(sample("deals"), "sales_rep", "Deal");
        assertEquals(new EntityPermission("Deal", RecordScope.ALL, true, RecordScope.OWN, RecordScope.OWN,
                RecordScope.OWN, true, Map.of()), deal);

        EntityPermission partner = grant(sample("partners"), "sales_rep", "Partner");
        assertEquals(readAll("Partner", Map.of("annual_target", FieldAccess.HIDDEN, "notes", FieldAccess.HIDDEN,
                "score", FieldAccess.READ)), partner);
        assertEquals(List.of("annual_target", "notes", "score"), List.copyOf(partner.fields().keySet()));

        EntityPermission person = grant(sample("people"), "sales_rep", "Person");
        assertEquals(new EntityPermission("Person", RecordScope.ALL, true, RecordScope.OWN, RecordScope.NONE,
                RecordScope.NONE, false, Map.of()), person);
    }

    @Test
    void partnerViewerReadsActivePartnersThroughAParsedRuleAndGetsNoDeals() {
        Manifest partners = sample("partners");
        EntityPermission partner = grant(partners, "partner_viewer", "Partner");

        Filter active = new Filter.Comparison(FieldPath.of("active"), Filter.Operator.EQ, new Literal.Bool(true));
        assertEquals(new RecordScope.Rule("active eq true", active), partner.read());
        assertEquals(RecordScope.NONE, partner.update());
        assertEquals(false, partner.create());
        assertEquals(Map.of("notes", FieldAccess.HIDDEN, "annual_target", FieldAccess.HIDDEN), partner.fields());
        assertEquals(List.of("partner_manager", "partner_analyst", "sales_rep"),
                sample("deals").permissions().stream().map(PermissionSet::role).toList());
    }

    @Test
    void booleanScopesAndUnparsableRulesMapToAllOrNoneAndTheRuleProblemIsKeptForTheChecker() {
        LoadResult result = loader.loadString("""
                apiVersion: prm/v1
                module: shop
                version: 1.0.0
                entities:
                  Order1: { fields: { total: { type: integer } } }
                permissions:
                  clerk:
                    Order1: { read: true, update: false, delete: { where: "total gt" } }
                """, "shop/module.yaml");

        LoadedManifest loaded = ((LoadResult.Loaded) result).manifest();
        EntityPermission order = loaded.manifest().permissions().get(0).entities().get(0);
        assertEquals(RecordScope.ALL, order.read());
        assertEquals(RecordScope.NONE, order.update());
        assertEquals(RecordScope.NONE, order.delete());
        assertEquals(List.of("shop/module.yaml:8:59 /permissions/clerk/Order1/delete/where: "
                        + "rule does not parse: expected a value after 'gt' at position 8 of the rule"),
                loaded.ruleProblems().stream().map(ManifestProblem::toString).toList());
    }

    private static EntityPermission readAll(String entity, Map<String, FieldAccess> fields) {
        return new EntityPermission(entity, RecordScope.ALL, false, RecordScope.NONE, RecordScope.NONE,
                RecordScope.NONE, false, fields);
    }

    private static EntityPermission grant(Manifest manifest, String role, String entity) {
        return manifest.permissions().stream().filter(p -> p.role().equals(role)).findFirst().orElseThrow()
                .entities().stream().filter(e -> e.entity().equals(entity)).findFirst().orElseThrow();
    }

    private Manifest sample(String module) {
        LoadResult result = loader.loadFile(Path.of("..", "modules", module, "module.yaml"), module + "/module.yaml");
        assertEquals(List.of(), result.problems());
        return ((LoadResult.Loaded) result).manifest().manifest();
    }
}
