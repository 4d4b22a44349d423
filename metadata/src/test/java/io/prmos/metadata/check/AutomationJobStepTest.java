package io.prmos.metadata.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.load.ManifestProblem;
import io.prmos.metadata.model.Automation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The automation {@code job} step: mapped, refused by the schema when ill-formed, its type and expressions checked. */
class AutomationJobStepTest {

    private static final String HEAD = """
            apiVersion: prm/v1
            module: shop
            version: 1.0.0
            entities:
              Purchase:
                fields:
                  name: { type: text }
            automations:
            """;

    @Test
    void aJobStepIsMapped() {
        LoadResult result = load(HEAD + """
                  - name: score
                    on: shop.PurchaseCreated
                    do:
                      - job: { type: shop.score, payload: { purchase: "event.subject" }, idempotencyKey: "'p-' + event.subject" }
                      - job: { type: shop.notify }
                """);
        LoadedManifest loaded = ((LoadResult.Loaded) result).manifest();
        assertEquals(List.of(), new SemanticChecker().check(loaded));
        assertEquals(List.of(
                        new Automation.EnqueueJob("shop.score", Map.of("purchase", "event.subject"), Optional.of("'p-' + event.subject")),
                        new Automation.EnqueueJob("shop.notify", Map.of(), Optional.empty())),
                loaded.manifest().automations().get(0).steps());
    }

    @Test
    void anIllFormedJobStepIsRefusedByTheSchemaWithItsLocation() {
        LoadResult result = load(HEAD + """
                  - name: score
                    on: shop.PurchaseCreated
                    do:
                      - job: { payload: { purchase: 1 }, priority: high }
                """);
        List<String> problems = result.problems().stream().map(ManifestProblem::toString).toList();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("shop/module.yaml:12:") && p.contains("/automations/0/do/0/job")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("priority")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("/automations/0/do/0/job/payload/purchase")), problems.toString());
    }

    @Test
    void jobTypesAndExpressionsAreCheckedWithTheirLocation() {
        LoadResult result = load(HEAD + """
                  - name: score
                    on: shop.PurchaseCreated
                    do:
                      - job: { type: Shop, payload: { a: "event.subject +" } }
                      - job: { type: billing.invoice, idempotencyKey: "1 +" }
                """);
        List<String> problems = new SemanticChecker().check(((LoadResult.Loaded) result).manifest()).stream()
                .map(ManifestProblem::toString).toList();
        assertEquals(4, problems.size(), problems.toString());
        assertEquals("shop/module.yaml:12:22 /automations/0/do/0/job/type: 'Shop' is not a job type like module.name (e.g. deals.score)",
                problems.get(0));
        assertTrue(problems.get(1).startsWith("shop/module.yaml:12:42 /automations/0/do/0/job/payload/a: expression does not type-check"),
                problems.get(1));
        assertEquals("shop/module.yaml:13:22 /automations/0/do/1/job/type: job type 'billing.invoice' must start with this module"
                + " or a module it requires", problems.get(2));
        assertTrue(problems.get(3).startsWith("shop/module.yaml:13:55 /automations/0/do/1/job/idempotencyKey: expression does not type-check"),
                problems.get(3));
    }

    private static LoadResult load(String text) {
        return new ManifestLoader().loadString(text, "shop/module.yaml");
    }
}
