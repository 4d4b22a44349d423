package io.prmos.cli.command;

import io.prmos.cli.CliFailure;
import io.prmos.cli.ExitCodes;
import io.prmos.cli.certify.CertificateFile;
import io.prmos.cli.client.AdminClient;
import io.prmos.cli.client.ManifestSource;
import io.prmos.cli.deps.LockSource;
import io.prmos.cli.deps.Requirements;
import io.prmos.cli.deps.ServerRegistry;
import io.prmos.cli.deps.SiblingFolders;
import io.prmos.cli.local.LocalModule;
import io.prmos.cli.local.LocalValidator;
import io.prmos.cli.local.ModuleFolders;
import io.prmos.cli.render.Output;
import io.prmos.metadata.load.ManifestProblem;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "publish",
        description = "Validate offline, plan on the server, confirm breaking changes, then publish.")
public final class PublishCommand extends PrmCommand {

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "A module folder or a modules root (default: .).")
    Path dir;

    @Option(names = "--dry-run", description = "Show the plan and stop.")
    boolean dryRun;

    @Option(names = "--yes", description = "Apply breaking changes without asking (required without a terminal).")
    boolean yes;

    @Option(names = "--certificate", paramLabel = "FILE",
            description = "Attach this certificate (written by prm certify). Default: prm-certificate.json in the module folder, if present.")
    Path certificate;

    @Option(names = "--no-certificate", description = "Publish without the module folder's prm-certificate.json.")
    boolean noCertificate;

    @Override
    public Integer call() {
        Output output = output();
        List<LocalModule> modules = ModuleFolders.find(List.of(dir));
        output.line("validating " + modules.size() + " module(s)...");
        AdminClient admin = admin();
        // Required modules: the lock beside each module, then sibling folders, then what the server has installed.
        Requirements requirements = new Requirements(List.of(new LockSource(modules.stream().map(m -> m.path().getParent()).toList()),
                new SiblingFolders(modules), new ServerRegistry(admin)));
        LocalValidator.Outcome outcome = new LocalValidator().validate(modules, requirements);
        if (!outcome.ok()) {
            throw CliFailure.user(outcome.problems().stream().map(ManifestProblem::toString).toList());
        }
        java.util.Map<String, io.prmos.cli.ui.UiBuild.Result> uis = io.prmos.cli.ui.ModuleUis.build(new io.prmos.cli.ui.UiBuild(context().env("PRM_UI_RUNTIME").orElse(null)),
                modules, outcome.modules(), output);
        List<ManifestSource> sources = modules.stream().map(m -> withCertificate(m, certificate))
                .map(s -> uis.containsKey(s.file()) ? s.withUiBundle(uis.get(s.file()).bundle()) : s).toList();
        new PlanFlow(context(), output).run(() -> admin.publish(sources, true), () -> admin.publish(sources, false), dryRun, yes);
        return ExitCodes.OK;
    }

    /** The manifest, with the module's certificate when there is one to attach. */
    private ManifestSource withCertificate(LocalModule module, Path explicit) {
        ManifestSource source = module.read();
        if (noCertificate) {
            return source;
        }
        Path file = explicit != null ? explicit : module.path().resolveSibling(CertificateFile.NAME);
        if (explicit == null && !java.nio.file.Files.isRegularFile(file)) {
            return source;
        }
        return source.withCertificate(CertificateFile.read(file));
    }
}
