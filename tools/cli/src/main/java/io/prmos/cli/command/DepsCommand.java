package io.prmos.cli.command;

import io.prmos.cli.CliContext;
import io.prmos.cli.CliFailure;
import io.prmos.cli.PrmRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code prm deps pull|check}: the contracts of the modules a module requires, pinned in its prm-lock.yaml. */
@Command(name = "deps", description = "Pin (pull) and check the contracts of the modules a module requires (prm-lock.yaml).",
        subcommands = {DepsPullCommand.class, DepsCheckCommand.class}, mixinStandardHelpOptions = false)
public final class DepsCommand implements Runnable, PrmRoot {

    @ParentCommand
    PrmRoot root;

    @Override
    public CliContext context() {
        return root.context();
    }

    @Override
    public void run() {
        throw CliFailure.user("missing command: prm deps pull|check (see prm deps --help)");
    }
}
