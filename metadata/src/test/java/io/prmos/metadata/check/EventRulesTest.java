package io.prmos.metadata.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.load.ManifestProblem;
import io.prmos.metadata.model.EventsDef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventRulesTest {

    private final SemanticChecker checker = new SemanticChecker();

    @Test
    void theSamplesPublishAndSubscribe() {
        LoadedManifest partners = sample("partners");
        EventsDef.Published tierChanged = partners.manifest().events().published("PartnerTierChanged").orElseThrow();
        assertEquals(List.of("partner", "to"), List.of(tierChanged.schema().path("required").get(0).asText(),
                tierChanged.schema().path("required").get(1).asText()));
        assertEquals(List.of("partner_manager"), tierChanged.emit());
        assertEquals(List.of("partners.PartnerTierChanged", "partners.PartnerUpdated"), sample("deals").manifest().events().subscribes());
    }

    @Test
    void subscribingToAnEventNoModulePublishesIsReportedWhereItIsNamed() {
        LoadedManifest reports = load("reports", """
                requires: { partners: "^1.0" }
                events:
                  subscribes: [partners.PartnerCreated, partners.PartnerTierChanged, partners.PartnerVanished, ghosts.GhostSeen]
                """);
        assertEquals(List.of(
                "reports/module.yaml:6:70 /events/subscribes/2: subscribed event 'partners.PartnerVanished' does not exist:"
                        + " module 'partners' publishes no such event and has no entity it is generated for",
                "reports/module.yaml:6:96 /events/subscribes/3: subscribed event 'ghosts.GhostSeen': module 'ghosts' is not installed"),
                messages(withSamples(reports)));
    }

    @Test
    void aPayloadSchemaThatIsNotJsonSchemaIsReported() {
        LoadedManifest reports = load("reports", """
                events:
                  publishes:
                    ReportFiled:
                      schema: { type: object, properties: { title: { type: 17 } } }
                    ReportRead:
                      schema: { type: array }
                      emit: [nobody_role]
                """);
        List<String> problems = messages(List.of(reports));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("reports/module.yaml:7:15 /events/publishes/ReportFiled/schema: payload schema of 'ReportFiled' is not a valid JSON Schema"),
                problems.get(0));
        assertEquals("reports/module.yaml:9:15 /events/publishes/ReportRead/schema: payload schema of 'ReportRead' must have type: object", problems.get(1));
        assertEquals("reports/module.yaml:10:14 /events/publishes/ReportRead/emit/0: role 'nobody_role' is not declared by any module", problems.get(2));
    }

    @Test
    void anInlineWebhookSecretIsRefusedByTheSchema() {
        LoadResult result = new ManifestLoader().loadString("""
                apiVersion: prm/v1
                module: reports
                version: 1.0.0
                events:
                  webhooks:
                    - { name: crm, events: "reports.*", url: "http://localhost:9/hook", secret: "whsec_inline" }
                """, "reports/module.yaml");
        assertTrue(result.problems().stream().anyMatch(p -> p.pointer().equals("/events/webhooks/0/secret")), result.problems().toString());
    }

    private static List<LoadedManifest> withSamples(LoadedManifest extra) {
        List<LoadedManifest> set = new ArrayList<>(ModuleSetFixture.samples());
        set.add(extra);
        return set;
    }

    private List<String> messages(List<LoadedManifest> set) {
        return checker.check(set).stream().map(ManifestProblem::toString).toList();
    }

    private static LoadedManifest sample(String module) {
        return ModuleSetFixture.samples().stream().filter(m -> m.manifest().module().equals(module)).findFirst().orElseThrow();
    }

    private static LoadedManifest load(String module, String extra) {
        String text = "apiVersion: prm/v1\nmodule: " + module + "\nversion: 1.0.0\n" + extra + "\n";
        LoadResult result = new ManifestLoader().loadString(text, module + "/module.yaml");
        assertEquals(List.of(), result.problems());
        return ((LoadResult.Loaded) result).manifest();
    }
}
