package io.prmos.cli.certify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prmos.cli.scenario.EventSchemas;
import io.prmos.cli.scenario.ModuleUnderTest;
import io.prmos.cli.scenario.ScenarioResult;
import io.prmos.metadata.certify.CheckIds;
import io.prmos.metadata.certify.CheckResult;
import io.prmos.metadata.certify.CheckStatus;
import io.prmos.metadata.certify.DocumentationCheck;
import io.prmos.metadata.certify.Finding;
import io.prmos.metadata.certify.PerformanceBudget;
import io.prmos.metadata.certify.StaticChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The governance checklist in report order ({@link CheckIds#TITLES}): the static checks the engine
 * also re-runs, the README, and — from a kernel run — scenarios, emitted events, API conformance and
 * budgets. Without a kernel ({@code --static}) the kernel checks are SKIP, which a certificate may carry.
 */
final class Checklist {

    private Checklist() {
    }

    static List<CheckResult> staticPart(ModuleUnderTest target) {
        List<CheckResult> out = new ArrayList<>(StaticChecks.run(target.manifest().file(), target.manifest(), List.of(),
                target.validation().set()));
        out.add(DocumentationCheck.run(target.manifest(), readme(target.folder())));
        return out;
    }

    /** The static results completed with a kernel run's: tests, emitted events, API and (when measured) performance. */
    static List<CheckResult> complete(List<CheckResult> statics, ModuleUnderTest target, Optional<KernelRun> run) {
        List<CheckResult> out = new ArrayList<>();
        for (String id : CheckIds.TITLES.keySet()) {
            Optional<CheckResult> known = statics.stream().filter(c -> c.id().equals(id)).findFirst();
            CheckResult result = switch (id) {
                case CheckIds.EVENTS -> run.map(r -> emitted(known.orElseThrow(), target, r.results())).orElse(known.orElseThrow());
                case CheckIds.API -> run.map(r -> r.api()).orElse(skipped(id));
                case CheckIds.PERFORMANCE -> run.map(KernelRun::performance).orElse(skipped(id));
                case CheckIds.TESTS -> run.map(r -> tests(r.results())).orElse(skipped(id));
                default -> known.orElseThrow();
            };
            out.add(result);
        }
        return out;
    }

    /** What a kernel run found. */
    record KernelRun(List<ScenarioResult> results, CheckResult api, CheckResult performance) {
    }

    static List<PerformanceBudget> budgets(ModuleUnderTest target) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(target.module().read().source());
            return PerformanceBudget.of(root);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static CheckResult emitted(CheckResult statics, ModuleUnderTest target, List<ScenarioResult> results) {
        EventSchemas schemas = new EventSchemas(List.copyOf(target.validation().set().values()));
        List<Finding> more = new ArrayList<>();
        int count = 0;
        for (ScenarioResult result : results) {
            for (JsonNode event : result.emitted()) {
                if (schemas.declares(event.path("type").asText())) {
                    count++;
                    schemas.violation(event).ifPresent(v -> more.add(Finding.fail(result.scenario().file(), v)));
                }
            }
        }
        return statics.with(statics.summary() + "; " + count + " emitted custom event(s) matched against their schemas", more);
    }

    private static CheckResult tests(List<ScenarioResult> results) {
        if (results.isEmpty()) {
            return CheckResult.of(CheckIds.TESTS, CheckIds.title(CheckIds.TESTS), "no scenarios",
                    List.of(Finding.fail(ModuleUnderTest.TESTS + "/", "the module has no scenarios (tests/*.yaml)")));
        }
        List<Finding> findings = new ArrayList<>();
        results.stream().filter(r -> !r.passed()).forEach(r -> r.failures().forEach(f -> findings.add(Finding.fail("", f))));
        return CheckResult.of(CheckIds.TESTS, CheckIds.title(CheckIds.TESTS), results.stream().filter(ScenarioResult::passed).count()
                + " of " + results.size() + " scenario(s) passed", findings);
    }

    private static CheckResult skipped(String id) {
        return CheckResult.skipped(id, CheckIds.title(id), "not run (--static: no kernel)");
    }

    private static Optional<String> readme(Path folder) {
        Path file = folder.resolve(DocumentationCheck.README);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static boolean passed(List<CheckResult> checks) {
        return checks.stream().noneMatch(c -> c.status() == CheckStatus.FAIL);
    }
}
