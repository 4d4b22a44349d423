package io.prmos.cli.command;

import io.prmos.cli.ExitCodes;
import io.prmos.cli.client.InstalledModule;
import io.prmos.cli.render.Output;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "status", description = "List the modules installed on the server.")
public final class StatusCommand extends PrmCommand {

    @Override
    public Integer call() {
        List<InstalledModule> modules = admin().installed();
        Output output = output();
        if (modules.isEmpty()) {
            output.line("no modules installed");
        } else {
            ModuleTable.of(modules).print(output.text());
        }
        output.document(Map.of("items", modules));
        return ExitCodes.OK;
    }
}
