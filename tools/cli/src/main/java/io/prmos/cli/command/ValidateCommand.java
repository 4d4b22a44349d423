package io.prmos.cli.command;

import io.prmos.cli.CliFailure;
import io.prmos.cli.ExitCodes;
import io.prmos.cli.deps.LockSource;
import io.prmos.cli.deps.RequirementSource;
import io.prmos.cli.deps.Requirements;
import io.prmos.cli.deps.ServerRegistry;
import io.prmos.cli.local.LocalModule;
import io.prmos.cli.local.LocalValidator;
import io.prmos.cli.local.ModuleFolders;
import io.prmos.cli.render.Output;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate",
        description = {"Validate manifests as one module set. Requires resolve across the given directories, then from",
                "each module's prm-lock.yaml (offline), then, with --server, from that server's registry."})
public final class ValidateCommand extends PrmCommand {

    @Parameters(arity = "0..*", paramLabel = "DIR",
            description = "Module folders (containing module.yaml) or modules roots. Default: the current directory.")
    List<Path> dirs;

    @picocli.CommandLine.Option(names = "--skip-ui", description = "Do not build the modules' UI extensions (ui/ folders).")
    boolean skipUi;

    @Override
    public Integer call() {
        List<Path> directories = dirs == null || dirs.isEmpty() ? List.of(Path.of(".")) : dirs;
        List<LocalModule> modules = ModuleFolders.find(directories);
        LocalValidator.Outcome outcome = new LocalValidator().validate(modules, requirements(modules));
        Output output = output();
        output.document(report(outcome));
        if (!outcome.ok()) {
            List<String> lines = new ArrayList<>(outcome.problems().stream().map(ManifestProblem::toString).toList());
            if (outcome.problems().stream().anyMatch(p -> p.message().contains("is not in the module set"))) {
                lines.add("hint: a module in its own folder gets the modules it requires from its prm-lock.yaml"
                        + " (prm deps pull --server URL) or from a server (prm validate --server URL)");
            }
            throw CliFailure.user(lines);
        }
        if (!skipUi) {
            io.prmos.cli.ui.ModuleUis.build(new io.prmos.cli.ui.UiBuild(context().env("PRM_UI_RUNTIME").orElse(null)), modules, outcome.modules(), output);
        }
        outcome.required().values().forEach(f -> output.line("  requires " + f.module() + " " + f.version() + " (contract from " + f.from() + ")"));
        output.line("OK: " + outcome.modules().size() + " module(s) valid: " + outcome.modules().stream()
                .map(m -> m.manifest().module() + " " + m.manifest().version()).collect(Collectors.joining(", ")));
        return ExitCodes.OK;
    }

    /** The lock beside each module, then the server's registry when --server was given. */
    private Requirements requirements(List<LocalModule> modules) {
        List<RequirementSource> sources = new ArrayList<>();
        sources.add(new LockSource(modules.stream().map(m -> m.path().getParent()).toList()));
        if (common.server != null) {
            sources.add(new ServerRegistry(admin()));
        }
        return new Requirements(sources);
    }

    private static Map<String, Object> report(LocalValidator.Outcome outcome) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("ok", outcome.ok());
        report.put("modules", outcome.modules().stream().map(ValidateCommand::module).toList());
        report.put("problems", outcome.problems());
        report.put("required", outcome.required().values().stream()
                .map(f -> Map.of("module", f.module(), "version", f.version(), "from", f.from())).toList());
        return report;
    }

    private static Map<String, String> module(LoadedManifest m) {
        return Map.of("module", m.manifest().module(), "version", m.manifest().version().toString(), "file", m.file());
    }
}
