package io.prmos.metadata.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.load.ManifestProblem;
import io.prmos.metadata.model.Automation;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.Workflow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation rules, formulas, workflow, hooks, actions and automations: mapped, and every mistake located. */
class BehaviourRulesTest {

    private static final String HEAD = """
            apiVersion: prm/v1
            module: shop
            version: 1.0.0
            roles:
              clerk: {}
            dictionaries:
              status: [draft, open, closed]
            entities:
              Purchase:
                fields:
                  name: { type: text }
                  status: { type: dictionary, dictionary: status, default: draft }
                  qty: { type: integer }
                  price: { type: money }
                  total: { type: decimal, formula: "price.amount * double(qty)" }
            """;

    @Test
    void theSampleDealsDeclareAWorkflowAFormulaRulesAndHooks() {
        LoadedManifest deals = ModuleSetFixture.samples().stream().filter(m -> m.manifest().module().equals("deals")).findFirst().orElseThrow();
        var deal = deals.manifest().entities().get("Deal");
        Workflow workflow = deal.workflow().orElseThrow();
        assertEquals("stage", workflow.field());
        assertEquals(List.of("qualify", "lose"), workflow.allowedFrom("registered"));
        assertTrue(deal.fields().get("stage").readOnly(), "the state field is read-only to plain writes");
        FieldDef weighted = deal.fields().get("weighted_amount");
        assertTrue(weighted.computed() && weighted.readOnly());
        assertEquals(List.of("deals.RecomputePartnerTier"), deal.hooks().of("afterUpdate"));
        assertEquals(2, deal.validations().size());
        assertEquals(List.of(), new SemanticChecker().check(ModuleSetFixture.samples()));
    }

    @Test
    void expressionsThatDoNotTypeCheckAreReportedAtTheirValue() {
        List<String> problems = problems(HEAD.replace("double(qty)", "double(qtty)") + """
                    validations:
                      - { rule: "qty + 1", message: m }
                      - { rule: "qty > 0", message: m, field: nope }
                """);
        assertEquals(List.of(
                "shop/module.yaml:15:40 /entities/Purchase/fields/total/formula: expression does not type-check: undeclared reference to 'qtty' (in container '') at position 22 of the expression",
                "shop/module.yaml:17:17 /entities/Purchase/validations/0/rule: expression does not type-check: the expression returns int, expected bool",
                "shop/module.yaml:18:47 /entities/Purchase/validations/1/field: 'nope' is not a field of entity 'Purchase'"), problems);
    }

    @Test
    void aFormulaOfTheWrongTypeOrWithADefaultIsRefused() {
        List<String> problems = problems(HEAD.replace("formula: \"price.amount * double(qty)\"", "formula: \"name\", default: 1"));
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(List.of(
                "shop/module.yaml:15:40 /entities/Purchase/fields/total/formula: expression does not type-check: the expression returns string, expected double",
                "shop/module.yaml:15:48 /entities/Purchase/fields/total/default: a formula field is computed; it cannot have a default"), problems);
    }

    @Test
    void workflowMistakesAreLocated() {
        List<String> problems = problems(HEAD + """
                    workflow:
                      field: status
                      initial: open
                      transitions:
                        close: { from: [open, gone], to: closed, roles: [ghost], guard: "qty", set: { status: open, total: 1, nope: 2 }, emit: Closed }
                """);
        assertEquals(List.of(
                "shop/module.yaml:18:16 /entities/Purchase/workflow/initial: the state field's default 'draft' differs from the initial state 'open'; remove the default or make them equal",
                "shop/module.yaml:20:31 /entities/Purchase/workflow/transitions/close/from/1: 'gone' is not a value of dictionary 'status'",
                "shop/module.yaml:20:58 /entities/Purchase/workflow/transitions/close/roles/0: role 'ghost' is not declared in this module or a module it requires",
                "shop/module.yaml:20:73 /entities/Purchase/workflow/transitions/close/guard: expression does not type-check: the expression returns int, expected bool",
                "shop/module.yaml:20:87 /entities/Purchase/workflow/transitions/close/set/status: a transition cannot set 'status': it is the state field; use to:",
                "shop/module.yaml:20:101 /entities/Purchase/workflow/transitions/close/set/total: a transition cannot set 'total': it is a formula field",
                "shop/module.yaml:20:111 /entities/Purchase/workflow/transitions/close/set/nope: 'nope' is not a field of entity 'Purchase'",
                "shop/module.yaml:20:128 /entities/Purchase/workflow/transitions/close/emit: 'Closed' is not an event name like module.EventName"),
                problems);
    }

    @Test
    void hookIdsActionsAndAutomationsAreChecked() {
        List<String> problems = problems(HEAD + """
                    hooks: { afterUpdate: [NotQualified] }
                    actions:
                      refund: { hook: shop.Refund, roles: [ghost], input: { type: array } }
                automations:
                  - name: on_close
                    on: shop.PurchaseUpdated
                    when: "event.data.changes.status.new"
                    do:
                      - create: { entity: shop.Invoice, values: { name: "'x' +" } }
                      - webhook: https://example.com/hook
                """);
        assertEquals(List.of(
                "shop/module.yaml:16:28 /entities/Purchase/hooks/afterUpdate/0: 'NotQualified' is not a hook id like module.HookName",
                "shop/module.yaml:18:44 /entities/Purchase/actions/refund/roles/0: role 'ghost' is not declared in this module or a module it requires",
                "shop/module.yaml:18:67 /entities/Purchase/actions/refund/input/type: an action's input is a JSON object; its schema's type must be object",
                "shop/module.yaml:24:27 /automations/0/do/0/create/entity: entity 'Invoice' is not declared in module 'shop'"),
                problems.subList(0, 4));
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(4).startsWith("shop/module.yaml:24:57 /automations/0/do/0/create/values/name: expression does not type-check: mismatched input"),
                problems.get(4));
        Automation automation = load(HEAD + """
                automations:
                  - { name: a, on: shop.PurchaseCreated, do: [ { webhook: "https://example.com" } ] }
                """).manifest().automations().get(0);
        assertEquals(List.of(new Automation.Webhook("https://example.com")), automation.steps());
    }

    private static List<String> problems(String text) {
        return new SemanticChecker().check(load(text)).stream().map(ManifestProblem::toString).toList();
    }

    private static LoadedManifest load(String text) {
        LoadResult result = new ManifestLoader().loadString(text, "shop/module.yaml");
        assertEquals(List.of(), result.problems());
        return ((LoadResult.Loaded) result).manifest();
    }
}
