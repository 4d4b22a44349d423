package io.prmos.cli.command;

import io.prmos.cli.ExitCodes;
import io.prmos.cli.client.AdminClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rollback",
        description = "Return a module to its previously installed version: plan, confirm breaking changes, apply.")
public final class RollbackCommand extends PrmCommand {

    @Parameters(index = "0", paramLabel = "<module>")
    String module;

    @Option(names = "--dry-run", description = "Show the plan and stop.")
    boolean dryRun;

    @Option(names = "--yes", description = "Apply breaking changes without asking (required without a terminal).")
    boolean yes;

    @Override
    public Integer call() {
        AdminClient admin = admin();
        new PlanFlow(context(), output()).run(() -> admin.rollback(module, true), () -> admin.rollback(module, false), dryRun, yes);
        return ExitCodes.OK;
    }
}
