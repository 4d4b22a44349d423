package io.prmos.cli;

import io.prmos.cli.command.CertifyCommand;
import io.prmos.cli.command.DepsCommand;
import io.prmos.cli.command.DiffCommand;
import io.prmos.cli.command.HistoryCommand;
import io.prmos.cli.command.InitCommand;
import io.prmos.cli.command.LoginCommand;
import io.prmos.cli.command.PublishCommand;
import io.prmos.cli.command.PullCommand;
import io.prmos.cli.command.RollbackCommand;
import io.prmos.cli.command.StatusCommand;
import io.prmos.cli.command.TestCommand;
import io.prmos.cli.command.TypesCommand;
import io.prmos.cli.command.ValidateCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code prm}: the PRM OS command line. Every failure is one line per message on stderr and an
 * exit code from {@link ExitCodes}; picocli's own usage errors are mapped to {@link ExitCodes#USER_ERROR}.
 */
@Command(name = "prm", mixinStandardHelpOptions = true, version = "prm 0.1.0",
        description = "Scaffold, validate, test, certify, type, diff, publish, pull and roll back PRM OS modules.",
        subcommands = {InitCommand.class, ValidateCommand.class, DiffCommand.class, PublishCommand.class,
                PullCommand.class, StatusCommand.class, HistoryCommand.class, RollbackCommand.class, LoginCommand.class,
                DepsCommand.class, TestCommand.class, CertifyCommand.class, TypesCommand.class})
public final class Prm implements Runnable, PrmRoot {

    private final CliContext context;

    public Prm(CliContext context) {
        this.context = context;
    }

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }

    /** Runs one command line and returns its exit code; never calls {@code System.exit}. */
    public static int run(CliContext context, String... args) {
        CommandLine commandLine = new CommandLine(new Prm(context))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(context.out(), true, StandardCharsets.UTF_8))
                .setErr(new PrintWriter(context.err(), true, StandardCharsets.UTF_8))
                .setParameterExceptionHandler((e, ignored) -> {
                    context.err().println("prm: " + CliFailure.oneLine(e.getMessage())
                            + " (see " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
                    return ExitCodes.USER_ERROR;
                })
                .setExecutionExceptionHandler((e, ignored, parsed) -> failed(context, e));
        return commandLine.execute(args);
    }

    @Override
    public CliContext context() {
        return context;
    }

    @Override
    public void run() {
        throw CliFailure.user("missing command: prm init|validate|diff|publish|pull|status|history|rollback|login|deps|test|certify|types (see prm --help)");
    }

    private static int failed(CliContext context, Exception e) {
        if (e instanceof CliFailure failure) {
            failure.lines().forEach(context.err()::println);
            return failure.exitCode();
        }
        context.err().println("prm: internal error: " + CliFailure.oneLine(String.valueOf(e)));
        return ExitCodes.SERVER_ERROR;
    }
}
