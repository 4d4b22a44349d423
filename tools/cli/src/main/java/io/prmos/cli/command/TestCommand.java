package io.prmos.cli.command;

import io.prmos.cli.CliFailure;
import io.prmos.cli.ExitCodes;
import io.prmos.cli.deps.ServerRegistry;
import io.prmos.cli.kernel.Kernel;
import io.prmos.cli.local.LocalModule;
import io.prmos.cli.render.Output;
import io.prmos.cli.scenario.JunitReport;
import io.prmos.cli.scenario.ModuleUnderTest;
import io.prmos.cli.scenario.ScenarioResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "test", description = {"Run the module's scenarios (tests/*.yaml) against a kernel started for the purpose",
        "(embedded PostgreSQL, the engine jar, a free port), with only this module installed and the modules it requires",
        "stood in for by their contracts. Exit 0 when every scenario passes, 1 when one fails, 2 when the kernel fails."})
public final class TestCommand extends PrmCommand {

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = ".", description = "The module folder (default: .).")
    Path dir;

    @Option(names = "--engine", paramLabel = "JAR", description = "The engine's quarkus-app/quarkus-run.jar (default: $PRM_ENGINE_JAR, else found).")
    Path engine;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML.")
    Path junit;

    @Override
    public Integer call() {
        Output output = output();
        LocalModule module = DepsPullCommand.single(dir);
        Optional<Supplier<ServerRegistry>> server = common.server == null ? Optional.empty() : Optional.of(() -> new ServerRegistry(admin()));
        ModuleUnderTest target = TestSetup.prepare(module, server);
        if (target.scenarios().isEmpty()) {
            throw CliFailure.user(dir + ": no scenarios in " + ModuleUnderTest.TESTS + "/ (*.yaml); see docs/module-teams.md");
        }
        output.line("prm test " + target.name() + " " + target.manifest().manifest().version() + ": " + target.scenarios().size() + " scenario(s)");
        List<ScenarioResult> results;
        try (Kernel kernel = TestSetup.start(target, List.of(), engine, context(), output)) {
            results = TestSetup.runAll(target, kernel, output);
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        if (junit != null) {
            write(junit, JunitReport.render(target.name(), results));
        }
        output.document(document(target, results));
        output.line((results.size() - failed) + " passed, " + failed + " failed" + (junit == null ? "" : "; JUnit XML in " + junit));
        if (failed > 0) {
            throw CliFailure.user(results.stream().filter(r -> !r.passed()).map(r -> r.failures().get(0)).toList());
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> document(ModuleUnderTest target, List<ScenarioResult> results) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("module", target.name());
        doc.put("version", target.manifest().manifest().version().toString());
        doc.put("passed", results.stream().allMatch(ScenarioResult::passed));
        doc.put("scenarios", results.stream().map(r -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("file", r.scenario().file());
            s.put("name", r.scenario().name());
            s.put("passed", r.passed());
            s.put("steps", r.stepsRun());
            s.put("millis", r.millis());
            s.put("failures", r.failures());
            s.put("emittedEvents", r.emitted().stream().map(e -> e.path("type").asText()).toList());
            return s;
        }).toList());
        return doc;
    }

    static void write(Path file, String text) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.user("cannot write " + file + ": " + e.getMessage());
        }
    }
}
