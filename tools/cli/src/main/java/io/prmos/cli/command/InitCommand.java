package io.prmos.cli.command;

import io.prmos.cli.ExitCodes;
import io.prmos.cli.render.Output;
import io.prmos.cli.scaffold.ModuleScaffold;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "init",
        description = "Create a module folder: <module>/module.yaml (one entity), README.md and fixtures/sample.json.")
public final class InitCommand extends PrmCommand {

    @Parameters(index = "0", paramLabel = "<module>", description = "Module name: lowercase letters, digits, underscores.")
    String module;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".", description = "Where to create the module folder (default: .).")
    Path dir;

    @Override
    public Integer call() {
        List<Path> files = new ModuleScaffold().create(module, dir);
        Output output = output();
        files.forEach(file -> output.line("created " + file));
        output.line("next: prm validate " + dir.resolve(module));
        output.document(Map.of("module", module, "files", files.stream().map(Path::toString).toList()));
        return ExitCodes.OK;
    }
}
