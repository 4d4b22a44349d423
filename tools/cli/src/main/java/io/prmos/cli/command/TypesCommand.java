package io.prmos.cli.command;

import io.prmos.cli.CliFailure;
import io.prmos.cli.ExitCodes;
import io.prmos.cli.deps.LockSource;
import io.prmos.cli.deps.RequirementSource;
import io.prmos.cli.deps.Requirements;
import io.prmos.cli.deps.ServerRegistry;
import io.prmos.cli.deps.SiblingFolders;
import io.prmos.cli.local.LocalModule;
import io.prmos.cli.local.LocalValidator;
import io.prmos.cli.local.ModuleFolders;
import io.prmos.cli.render.Output;
import io.prmos.cli.types.ModuleTypes;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "types",
        description = {"Emit TypeScript for a module's entities: per entity the record, create and patch types and a typed",
                "client (entityClient of @prm/ui). The manifest is validated first, as prm validate does."})
public final class TypesCommand extends PrmCommand {

    @Parameters(arity = "0..1", paramLabel = "DIR", description = "The module folder (containing module.yaml). Default: the current directory.")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write ('-' = stdout). Default: ui/generated/{module}.ts when the module has a ui/ folder, else stdout.")
    String out;

    @Option(names = "--check", description = "Write nothing; exit 1 when the file differs from what would be written.")
    boolean check;

    @Override
    public Integer call() {
        List<LocalModule> modules = ModuleFolders.find(List.of(dir == null ? Path.of(".") : dir));
        if (modules.size() != 1) {
            throw CliFailure.user((dir == null ? "." : dir) + ": prm types takes one module folder; found " + modules.size()
                    + " modules (" + String.join(", ", modules.stream().map(LocalModule::file).toList()) + ")");
        }
        LocalModule module = modules.get(0);
        LocalValidator.Outcome outcome = new LocalValidator().validate(modules, requirements(modules));
        if (!outcome.ok()) {
            throw CliFailure.user(outcome.problems().stream().map(ManifestProblem::toString).toList());
        }
        LoadedManifest manifest = outcome.modules().get(0);
        String source = ModuleTypes.emit(manifest);
        Path target = target(module, manifest.manifest().module());
        Output output = output();
        if (check) {
            return check(target, source, output);
        }
        if (target == null) {
            if (output.json()) {
                output.document(report(manifest, null, source));
            } else {
                context().out().print(source);
                context().out().flush();
            }
            return ExitCodes.OK;
        }
        write(target, source);
        output.document(report(manifest, target, null));
        int count = manifest.manifest().entities().size();
        output.line("wrote " + target + " (" + count + (count == 1 ? " entity" : " entities") + " of " + manifest.manifest().module() + ")");
        return ExitCodes.OK;
    }

    private int check(Path target, String source, Output output) {
        if (target == null) {
            throw CliFailure.user("--check needs a file: --out FILE, or a module with a ui/ folder");
        }
        String current = read(target);
        if (!source.equals(current)) {
            throw CliFailure.user(target + ": " + (current == null ? "missing" : "out of date") + "; run prm types to regenerate it");
        }
        output.line(target + " is up to date");
        return ExitCodes.OK;
    }

    private Path target(LocalModule module, String name) {
        if ("-".equals(out)) {
            return null;
        }
        if (out != null) {
            return Path.of(out);
        }
        Path ui = module.path().getParent().resolve("ui");
        return Files.isDirectory(ui) ? ui.resolve("generated").resolve(name + ".ts") : null;
    }

    /** The lock beside the module, then its sibling folders, then the server's registry when --server was given. */
    private Requirements requirements(List<LocalModule> modules) {
        List<RequirementSource> sources = new ArrayList<>();
        sources.add(new LockSource(modules.stream().map(m -> m.path().getParent()).toList()));
        sources.add(new SiblingFolders(modules));
        if (common.server != null) {
            sources.add(new ServerRegistry(admin()));
        }
        return new Requirements(sources);
    }

    private static Map<String, Object> report(LoadedManifest manifest, Path file, String source) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("module", manifest.manifest().module());
        report.put("entities", List.copyOf(manifest.manifest().entities().keySet()));
        report.put("file", file == null ? null : file.toString());
        if (source != null) {
            report.put("source", source);
        }
        return report;
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw CliFailure.user(file + ": cannot read: " + e.getMessage());
        }
    }

    private static void write(Path file, String source) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.user(file + ": cannot write: " + e.getMessage());
        }
    }
}
