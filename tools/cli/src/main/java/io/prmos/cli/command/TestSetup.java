package io.prmos.cli.command;

import io.prmos.cli.CliContext;
import io.prmos.cli.deps.LockSource;
import io.prmos.cli.deps.RequirementSource;
import io.prmos.cli.deps.Requirements;
import io.prmos.cli.deps.ServerRegistry;
import io.prmos.cli.deps.SiblingFolders;
import io.prmos.cli.kernel.EngineJar;
import io.prmos.cli.kernel.Kernel;
import io.prmos.cli.local.LocalModule;
import io.prmos.cli.local.LocalValidator;
import io.prmos.cli.render.Output;
import io.prmos.cli.scenario.EventSchemas;
import io.prmos.cli.scenario.ModuleUnderTest;
import io.prmos.cli.scenario.ScenarioResult;
import io.prmos.cli.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What prm test and prm certify share: resolving the module, starting a kernel for it, running its scenarios. */
final class TestSetup {

    private TestSetup() {
    }

    /** Requirements from the lock, then sibling folders, then (when given) the server. */
    static ModuleUnderTest prepare(LocalModule module, Optional<Supplier<ServerRegistry>> server) {
        return ModuleUnderTest.prepare(module, validate(module, server));
    }

    /** The module validated with its requirements from the lock, then sibling folders, then (when given) the server. */
    static LocalValidator.Outcome validate(LocalModule module, Optional<Supplier<ServerRegistry>> server) {
        List<RequirementSource> sources = new ArrayList<>(List.of(new LockSource(List.of(module.path().getParent())),
                new SiblingFolders(List.of(module))));
        server.ifPresent(s -> sources.add(s.get()));
        return new LocalValidator().validate(List.of(module), new Requirements(sources));
    }

    static Kernel start(ModuleUnderTest target, List<String> extraUsers, Path engineOption, CliContext context, Output output) {
        Path jar = EngineJar.find(engineOption, context.env("PRM_ENGINE_JAR"));
        output.line("starting a kernel with " + String.join(", ", target.installs().keySet()) + " ("
                + (target.installs().size() - 1) + " as contracts)...");
        long started = System.nanoTime();
        Kernel kernel = Kernel.start(new Kernel.Spec(jar, target.installs(), target.hookJars(), users(target, extraUsers), Duration.ofMinutes(3)));
        output.line("kernel ready at " + kernel.url() + " in " + (System.nanoTime() - started) / 1_000_000_000 + " s");
        return kernel;
    }

    private static List<String> users(ModuleUnderTest target, List<String> extra) {
        List<String> users = new ArrayList<>(target.devUsers());
        users.addAll(extra);
        return users;
    }

    static List<ScenarioResult> runAll(ModuleUnderTest target, Kernel kernel, Output output) {
        ScenarioRunner runner = new ScenarioRunner(kernel, new EventSchemas(List.copyOf(target.validation().set().values())));
        List<ScenarioResult> results = new ArrayList<>();
        for (int i = 0; i < target.scenarios().size(); i++) {
            ScenarioResult result = runner.run(target.scenarios().get(i), i + 1);
            results.add(result);
            output.line((result.passed() ? "  PASS " : "  FAIL ") + result.scenario().file() + ": " + result.scenario().name()
                    + " (" + result.stepsRun() + " step(s), " + result.millis() + " ms)");
            result.failures().forEach(f -> output.line("       " + f));
        }
        return results;
    }
}
