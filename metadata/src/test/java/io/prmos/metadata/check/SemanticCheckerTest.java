package io.prmos.metadata.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.load.ManifestProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemanticCheckerTest {

    private final SemanticChecker checker = new SemanticChecker();

    @Test
    void sampleModulesHaveNoProblems() {
        List<LoadedManifest> samples = ModuleSetFixture.samples();
        assertEquals(List.of("deals", "organizations", "partners", "people"),
                samples.stream().map(m -> m.manifest().module()).toList());
        assertEquals(List.of(), checker.check(samples));
    }

    @Test
    void requiresCycleIsReportedOnceAtTheFirstModuleOfTheCycle() {
        LoadedManifest a = load("a", "requires: { b: \"^1.0\" }");
        LoadedManifest b = load("b", "requires: { c: \"^1.0\" }");
        LoadedManifest c = load("c", "requires: { a: \"^1.0\" }");

        List<ManifestProblem> problems = checker.check(List.of(a, b, c));

        assertEquals(List.of("a/module.yaml:4:13 /requires/b: dependency cycle: a -> b -> c -> a"),
                problems.stream().map(ManifestProblem::toString).toList());
    }

    @Test
    void aModuleDefinedTwiceIsReported() {
        List<ManifestProblem> problems = checker.check(List.of(load("a", ""), load("a", "")));
        assertEquals(1, problems.size());
        assertEquals("module 'a' is already defined in a/module.yaml", problems.get(0).message());
    }

    @Test
    void requiringAModuleOutsideTheSetIsReportedWhenCheckedAlone() {
        LoadedManifest partners = ModuleSetFixture.samples().stream()
                .filter(m -> m.manifest().module().equals("partners")).findFirst().orElseThrow();
        List<ManifestProblem> problems = checker.check(partners);
        assertEquals(List.of("partners/module.yaml:7:3 /requires/organizations: required module 'organizations' is not in the module set"),
                problems.stream().map(ManifestProblem::toString).toList());
    }

    @Test
    void rolesOfTransitivelyRequiredModulesTheAdminRoleAndRulesOnSystemFieldsAreAccepted() {
        LoadedManifest reports = load("reports", """
                requires: { partners: "^1.0" }
                roles:
                  sales_rep: { label: Salesperson }
                entities:
                  Report:
                    fields:
                      owner_role: { type: text }
                      budget: { type: money }
                permissions:
                  partner_viewer:
                    partners.Partner:
                      read: { where: "created_by eq $user.id or (region in ('emea') and updated_at isNull false)" }
                  admin:
                    Report: { read: all, fields: { budget: hidden } }
                  sales_rep:
                    Report:
                      read: { where: "owner_role in ($user.roles) and budget.currency eq 'EUR' and budget gt 0" }
                      update: { where: "not (owner_role nin ($user.roles)) and created_by eq $user.id" }
                """);
        List<LoadedManifest> set = new java.util.ArrayList<>(ModuleSetFixture.samples());
        set.add(reports);

        assertEquals(List.of(), checker.check(set));
    }

    @Test
    void aGrantThatAllowsNothingIsAccepted() {
        LoadedManifest module = load("quiet", """
                roles: { auditor: {} }
                entities: { Note: { fields: { text: { type: text } } } }
                permissions:
                  auditor:
                    Note: { read: none, update: false, create: false, bulk: false }
                """);
        assertEquals(List.of(), checker.check(module));
    }

    private static LoadedManifest load(String module, String extra) {
        String text = "apiVersion: prm/v1\nmodule: " + module + "\nversion: 1.0.0\n" + extra + "\n";
        LoadResult result = new ManifestLoader().loadString(text, module + "/module.yaml");
        assertEquals(List.of(), result.problems());
        return ((LoadResult.Loaded) result).manifest();
    }
}
