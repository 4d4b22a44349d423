package io.prmos.cli.command;

import io.prmos.cli.CliFailure;
import io.prmos.cli.ExitCodes;
import io.prmos.cli.local.LocalValidator;
import io.prmos.cli.local.ModuleFolders;
import io.prmos.cli.render.Output;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestProblem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate",
        description = "Validate manifests offline, as one module set (requires resolve across all given directories).")
public final class ValidateCommand extends PrmCommand {

    @Parameters(arity = "0..*", paramLabel = "DIR",
            description = "Module folders (containing module.yaml) or modules roots. Default: the current directory.")
    List<Path> dirs;

    @Override
    public Integer call() {
        List<Path> directories = dirs == null || dirs.isEmpty() ? List.of(Path.of(".")) : dirs;
        LocalValidator.Outcome outcome = new LocalValidator().validate(ModuleFolders.find(directories));
        Output output = output();
        output.document(report(outcome));
        if (!outcome.ok()) {
            throw CliFailure.user(outcome.problems().stream().map(ManifestProblem::toString).toList());
        }
        output.line("OK: " + outcome.modules().size() + " module(s) valid: " + outcome.modules().stream()
                .map(m -> m.manifest().module() + " " + m.manifest().version()).collect(Collectors.joining(", ")));
        return ExitCodes.OK;
    }

    private static Map<String, Object> report(LocalValidator.Outcome outcome) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("ok", outcome.ok());
        report.put("modules", outcome.modules().stream().map(ValidateCommand::module).toList());
        report.put("problems", outcome.problems());
        return report;
    }

    private static Map<String, String> module(LoadedManifest m) {
        return Map.of("module", m.manifest().module(), "version", m.manifest().version().toString(), "file", m.file());
    }
}
