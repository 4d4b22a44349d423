package io.prmos.cli.command;

import io.prmos.cli.ExitCodes;
import io.prmos.cli.CliFailure;
import io.prmos.cli.certify.Certification;
import io.prmos.cli.certify.CertificationReport;
import io.prmos.cli.deps.ServerRegistry;
import io.prmos.cli.local.LocalModule;
import io.prmos.cli.local.LocalValidator;
import io.prmos.cli.render.Output;
import io.prmos.cli.scenario.ModuleUnderTest;
import io.prmos.metadata.load.ManifestProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "certify", description = {"Run the governance checklist on a module folder: manifest, labels, event schemas,",
        "API conformance, permissions lint, performance budgets, README, UI, scenarios. Prints a report (text, --output json,",
        "--html FILE) and, when every check passes, writes prm-certificate.json for publish to attach",
        "(signed when $PRM_CERTIFICATION_KEY is set). Exit 0 certified, 1 not, 2 when the kernel fails."})
public final class CertifyCommand extends PrmCommand {

    @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = ".", description = "The module folder (default: .).")
    Path dir;

    @Option(names = "--engine", paramLabel = "JAR", description = "The engine's quarkus-app/quarkus-run.jar (default: $PRM_ENGINE_JAR, else found).")
    Path engine;

    @Option(names = "--static", description = "Only the checks that need no kernel; tests, API and performance are SKIP.")
    boolean staticOnly;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the report as a self-contained HTML page.")
    Path html;

    @Override
    public Integer call() {
        Output output = output();
        LocalModule module = DepsPullCommand.single(dir);
        Optional<Supplier<ServerRegistry>> server = common.server == null ? Optional.empty() : Optional.of(() -> new ServerRegistry(admin()));
        LocalValidator.Outcome validation = TestSetup.validate(module, server);
        if (!validation.ok()) {
            CertificationReport report = Certification.invalid(module, validation.problems());
            print(report, output);
            List<String> lines = new ArrayList<>(validation.problems().stream().map(ManifestProblem::toString).toList());
            lines.add("prm certify: " + report.module() + " is not certified: its manifest is not valid; see the report");
            throw CliFailure.user(lines);
        }
        ModuleUnderTest target = ModuleUnderTest.prepare(module, validation);
        Certification certification = new Certification(target, context().env("PRM_CERTIFICATION_KEY"));
        CertificationReport report = staticOnly ? certification.withoutKernel()
                : certification.withKernel(users -> TestSetup.start(target, users, engine, context(), output), output);
        print(report, output);
        if (!report.passed()) {
            throw CliFailure.user("prm certify: " + target.name() + " " + report.version() + " is not certified; see the report");
        }
        Path written = certification.writeCertificate(report);
        output.line("certificate written to " + written);
        return ExitCodes.OK;
    }

    private void print(CertificationReport report, Output output) {
        output.text().print(report.text());
        output.document(report.json());
        if (html != null) {
            TestCommand.write(html, report.html());
            output.line("HTML report in " + html);
        }
    }
}
