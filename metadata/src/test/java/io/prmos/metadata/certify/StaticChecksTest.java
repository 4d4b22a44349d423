package io.prmos.metadata.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.metadata.catalog.ModuleSetCompiler;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The static checks of certification on the sample modules and on purpose-built bad manifests. */
class StaticChecksTest {

    private static Map<String, CheckResult> checks(String yaml) {
        ModuleSetCompiler.Result result = new ModuleSetCompiler().compile(List.of(
                new ManifestLoader().loadString(yaml, "bad/module.yaml")));
        LoadedManifest module = result.manifests().isEmpty() ? null : result.manifests().get(0);
        Map<String, LoadedManifest> set = new LinkedHashMap<>();
        result.manifests().forEach(m -> set.put(m.manifest().module(), m));
        return StaticChecks.run("bad/module.yaml", module, result.problems(), set).stream()
                .collect(Collectors.toMap(CheckResult::id, r -> r, (a, b) -> a, LinkedHashMap::new));
    }

    private static final String HEAD = "apiVersion: prm/v1\nmodule: bad\nversion: 1.0.0\n"
            + "roles: { clerk: { label: Clerk, description: Does the work } }\n";

    @Test
    void theSampleModulesPassWithWarningsForDeletingAuditedRecords() {
        ModuleSetCompiler.Result all = new ModuleSetCompiler().compileDirectory(Path.of("../modules"));
        assertTrue(all.ok(), all.problems().toString());
        Map<String, LoadedManifest> set = new LinkedHashMap<>();
        all.manifests().forEach(m -> set.put(m.manifest().module(), m));
        for (LoadedManifest module : all.manifests()) {
            List<CheckResult> results = StaticChecks.run(module.file(), module, List.of(), set);
            for (CheckResult result : results) {
                assertTrue(result.status() == CheckStatus.PASS || result.status() == CheckStatus.WARN,
                        module.file() + " " + result.id() + " " + result.findings());
            }
        }
        CheckResult partners = StaticChecks.run("partners", set.get("partners"), List.of(), set).stream()
                .filter(r -> r.id().equals(CheckIds.SECURITY)).findFirst().orElseThrow();
        assertEquals(CheckStatus.WARN, partners.status());
        assertTrue(partners.findings().get(0).message().contains("may delete every record of the audited entity Partner"));
    }

    @Test
    void anInvalidManifestFailsTheManifestCheckAndSkipsTheOthers() {
        Map<String, CheckResult> checks = checks(HEAD + "entities: { Thing: { fields: { name: { type: strng } } } }\n");
        assertEquals(CheckStatus.FAIL, checks.get(CheckIds.MANIFEST).status());
        assertTrue(checks.get(CheckIds.MANIFEST).findings().get(0).toString().startsWith("bad/module.yaml:5:"));
        assertEquals(CheckStatus.SKIP, checks.get(CheckIds.LABELS).status());
    }

    @Test
    void missingLabelsAndDescriptionsFail() {
        Map<String, CheckResult> checks = checks(HEAD + "entities:\n  Thing:\n    label: Thing\n    fields:\n"
                + "      name: { type: text, description: The name }\n");
        CheckResult labels = checks.get(CheckIds.LABELS);
        assertEquals(CheckStatus.FAIL, labels.status());
        assertEquals(List.of("entity Thing has no description", "field Thing.name has no label"),
                labels.findings().stream().map(Finding::message).toList());
        assertTrue(labels.findings().get(1).location().startsWith("bad/module.yaml:9:7 /entities/Thing/fields/name"), labels.toString());
    }

    @Test
    void uiExtensionsThatAreNotStrictAreAWarning() {
        String yaml = HEAD + "entities:\n  Thing:\n    label: Thing\n    description: A thing\n    fields:\n"
                + "      name: { type: text, label: Name, description: The name }\n"
                + "ui:\n  pages:\n    - { name: board, entry: board/Board.tsx, strict: true }\n"
                + "  widgets:\n    - { name: gauge, entry: gauge/Gauge.tsx, slots: [bad.Thing.detail.sidebar] }\n";
        CheckResult ui = checks(yaml).get(CheckIds.UI);
        assertEquals(CheckStatus.WARN, ui.status(), ui.toString());
        assertEquals(List.of("widget gauge is not strict: components from outside the design system are only a warning"),
                ui.findings().stream().map(Finding::message).toList());
        assertTrue(ui.findings().get(0).location().contains("/ui/widgets/0"), ui.toString());
        assertTrue(ui.summary().contains("1 page(s) and 1 widget(s) in React against @prm/ui"), ui.summary());
    }

    @Test
    void anEventSchemaThatDescribesNothingFails() {
        Map<String, CheckResult> checks = checks(HEAD + "events:\n  publishes:\n    Happened:\n      schema: { type: object, required: [what] }\n");
        CheckResult events = checks.get(CheckIds.EVENTS);
        assertEquals(CheckStatus.FAIL, events.status());
        assertEquals(List.of("the schema of bad.Happened declares no properties",
                        "the schema of bad.Happened requires 'what' but does not declare it under properties",
                        "bad.Happened has no description"),
                events.findings().stream().map(Finding::message).toList());
    }

    @Test
    void thePermissionsLintFindsEachKindOfProblem() {
        String entities = "entities:\n"
                + "  Thing:\n    label: Thing\n    description: A thing\n    features: [audit]\n    fields:\n"
                + "      name: { type: text, label: Name, description: The name }\n"
                + "      owner: { type: text, label: Owner, description: Who owns it }\n"
                + "  Other:\n    label: Other\n    description: Another\n    fields:\n"
                + "      name: { type: text, label: Name, description: The name }\n";
        String permissions = "permissions:\n  clerk:\n"
                + "    Thing: { read: { where: \"owner eq $user.name\" }, update: all, delete: all }\n";
        CheckResult security = checks(HEAD + entities + permissions).get(CheckIds.SECURITY);
        assertEquals(CheckStatus.FAIL, security.status());
        List<String> messages = security.findings().stream().map(Finding::message).toList();
        assertEquals(List.of(
                "role clerk reaches the module but has no explicit permissions on Other; write them, or deny explicitly with Other: { read: none }",
                "role clerk may update every Thing but reads only some",
                "the read rule of clerk on Thing names 'owner', which has no index: make it filterable or sortable, or declare an index starting with it",
                "role clerk may delete every record of the audited entity Thing"), messages);
        assertEquals(CheckStatus.WARN, security.findings().get(3).severity());

        CheckResult writeOnly = checks(HEAD + entities.replace("features: [audit]", "features: [activity]")
                + "permissions:\n  clerk:\n    Thing: { create: true }\n    Other: { read: none }\n").get(CheckIds.SECURITY);
        assertEquals(List.of("role clerk may write Thing but cannot read it"),
                writeOnly.findings().stream().map(Finding::message).toList());
    }

    @Test
    void theReadmeMustNameEntitiesEventsAndRoles() {
        String yaml = HEAD + "entities:\n  Thing:\n    label: Widget\n    description: A thing\n    fields:\n"
                + "      name: { type: text, label: Name, description: The name }\n"
                + "events:\n  publishes:\n    Happened: { description: It happened, schema: { type: object, properties: { a: { type: string } } } }\n"
                + "permissions:\n  clerk:\n    Thing: { read: all }\n";
        LoadedManifest module = new ModuleSetCompiler().compile(List.of(new ManifestLoader().loadString(yaml, "bad/module.yaml")))
                .manifests().get(0);
        assertEquals(CheckStatus.FAIL, DocumentationCheck.run(module, Optional.empty()).status());
        CheckResult partial = DocumentationCheck.run(module, Optional.of("# Bad\nKeeps widgets for the clerk role.\n"));
        assertEquals(List.of("does not name the event bad.Happened"), partial.findings().stream().map(Finding::message).toList());
        assertEquals(CheckStatus.PASS, DocumentationCheck.run(module, Optional.of("Widgets; the clerk; event Happened.")).status());
    }
}
