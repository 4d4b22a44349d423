package io.prmos.cli.command;

import io.prmos.cli.ExitCodes;
import io.prmos.cli.client.ManifestSource;
import io.prmos.cli.client.PublishPlan;
import io.prmos.cli.local.LocalModule;
import io.prmos.cli.local.ModuleFolders;
import io.prmos.cli.render.Output;
import io.prmos.cli.render.PlanPrinter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "diff",
        description = "Show what publishing would change on the server (a dry run): per module the classification, changes and SQL.")
public final class DiffCommand extends PrmCommand {

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "A module folder or a modules root (default: .).")
    Path dir;

    @Override
    public Integer call() {
        List<ManifestSource> sources = ModuleFolders.find(List.of(dir)).stream().map(LocalModule::read).toList();
        PublishPlan plan = admin().publish(sources, true);
        Output output = output();
        PlanPrinter.print(plan, output.text());
        output.document(plan);
        return ExitCodes.OK;
    }
}
