package io.prmos.cli.command;

import io.prmos.cli.ExitCodes;
import io.prmos.cli.client.InstalledModule;
import io.prmos.cli.render.Output;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "history", description = "List the installed versions of a module, newest first.")
public final class HistoryCommand extends PrmCommand {

    @Parameters(index = "0", paramLabel = "<module>")
    String module;

    @Override
    public Integer call() {
        List<InstalledModule> versions = admin().history(module);
        Output output = output();
        if (versions.isEmpty()) {
            output.line("no history for " + module);
        } else {
            ModuleTable.of(versions).print(output.text());
        }
        output.document(Map.of("items", versions));
        return ExitCodes.OK;
    }
}
