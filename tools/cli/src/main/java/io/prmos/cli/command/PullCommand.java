package io.prmos.cli.command;

import io.prmos.cli.CliFailure;
import io.prmos.cli.ExitCodes;
import io.prmos.cli.client.PublishedManifest;
import io.prmos.cli.render.Output;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pull",
        description = "Write an installed manifest to <dir>/<module>/module.yaml (or module.json), byte for byte as published.")
public final class PullCommand extends PrmCommand {

    @Parameters(index = "0", paramLabel = "<module>")
    String module;

    @Option(names = "--version", paramLabel = "VERSION", description = "An earlier installed version (default: the current one).")
    String version;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".", description = "Modules root to write into (default: .).")
    Path dir;

    @Override
    public Integer call() {
        PublishedManifest manifest = admin().manifest(module, Optional.ofNullable(version));
        Path target = dir.resolve(module).resolve(manifest.fileName());
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, manifest.bytes());
        } catch (IOException e) {
            throw CliFailure.user("cannot write " + target + ": " + e.getMessage());
        }
        Output output = output();
        output.line("wrote " + target + " (" + manifest.bytes().length + " bytes)");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("module", module);
        document.put("version", version);
        document.put("file", target.toString());
        document.put("bytes", manifest.bytes().length);
        output.document(document);
        return ExitCodes.OK;
    }
}
