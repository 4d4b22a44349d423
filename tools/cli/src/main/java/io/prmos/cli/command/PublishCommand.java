package io.prmos.cli.command;

import io.prmos.cli.CliFailure;
import io.prmos.cli.ExitCodes;
import io.prmos.cli.client.AdminClient;
import io.prmos.cli.client.ManifestSource;
import io.prmos.cli.local.LocalModule;
import io.prmos.cli.local.LocalValidator;
import io.prmos.cli.local.ModuleFolders;
import io.prmos.cli.render.Output;
import io.prmos.metadata.load.ManifestProblem;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "publish",
        description = "Validate offline, plan on the server, confirm breaking changes, then publish.")
public final class PublishCommand extends PrmCommand {

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "A module folder or a modules root (default: .).")
    Path dir;

    @Option(names = "--dry-run", description = "Show the plan and stop.")
    boolean dryRun;

    @Option(names = "--yes", description = "Apply breaking changes without asking (required without a terminal).")
    boolean yes;

    @Override
    public Integer call() {
        Output output = output();
        List<LocalModule> modules = ModuleFolders.find(List.of(dir));
        output.line("validating " + modules.size() + " module(s)...");
        LocalValidator.Outcome outcome = new LocalValidator().validateForPublish(modules);
        if (!outcome.ok()) {
            throw CliFailure.user(outcome.problems().stream().map(ManifestProblem::toString).toList());
        }
        List<ManifestSource> sources = modules.stream().map(LocalModule::read).toList();
        AdminClient admin = admin();
        new PlanFlow(context(), output).run(() -> admin.publish(sources, true), () -> admin.publish(sources, false), dryRun, yes);
        return ExitCodes.OK;
    }
}
