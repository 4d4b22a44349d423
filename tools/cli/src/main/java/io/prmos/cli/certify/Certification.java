package io.prmos.cli.certify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.prmos.cli.CliFailure;
import io.prmos.cli.http.Http;
import io.prmos.cli.kernel.Kernel;
import io.prmos.cli.local.LocalModule;
import io.prmos.cli.render.Output;
import io.prmos.cli.scenario.EventSchemas;
import io.prmos.cli.scenario.ModuleUnderTest;
import io.prmos.cli.scenario.ScenarioResult;
import io.prmos.cli.scenario.ScenarioRunner;
import io.prmos.metadata.certify.Certificate;
import io.prmos.metadata.certify.CertificateCodec;
import io.prmos.metadata.certify.CheckIds;
import io.prmos.metadata.certify.CheckResult;
import io.prmos.metadata.certify.PerformanceBudget;
import io.prmos.metadata.certify.StaticChecks;
import io.prmos.metadata.contract.Checksums;
import io.prmos.metadata.load.ManifestProblem;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One certification run of a module folder: the checklist, its report, and the certificate when it passed. */
public final class Certification {

    public static final String TOOL_VERSION = "prm 0.1.0";

    private final ModuleUnderTest target;
    private final Optional<String> key;
    private final String text;

    public Certification(ModuleUnderTest target, Optional<String> key) {
        this.target = target;
        this.key = key;
        this.text = target.module().read().source();
    }

    /**
     * The report of a module whose manifest (or its requirements) did not validate: the manifest check
     * fails with each problem's file, line, column and JSON pointer, and every other check is SKIP.
     * Name and version come from the text when it has them, else the folder's name and "?".
     */
    public static CertificationReport invalid(LocalModule module, List<ManifestProblem> problems) {
        String source = module.read().source();
        JsonNode root = JsonNodeFactory.instance.objectNode();
        try {
            root = java.util.Objects.requireNonNullElse(new ObjectMapper(new YAMLFactory()).readTree(source), root);
        } catch (IOException e) {
            // a YAML syntax error: the manifest check's finding says where
        }
        List<CheckResult> statics = StaticChecks.run(module.file(), null, problems, java.util.Map.of());
        List<CheckResult> checks = CheckIds.TITLES.keySet().stream().map(id -> statics.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElse(CheckResult.skipped(id, CheckIds.title(id), "the manifest is not valid"))).toList();
        String name = root.path("module").isTextual() ? root.path("module").asText() : module.path().getParent().getFileName().toString();
        String version = root.path("version").isValueNode() ? root.path("version").asText() : "?";
        return new CertificationReport(name, version, Checksums.sha256(source), TOOL_VERSION, checks);
    }

    public CertificationReport withoutKernel() {
        return report(Checklist.complete(Checklist.staticPart(target), target, Optional.empty()));
    }

    /** Starts a kernel (with a user per budget role), runs the scenarios and budgets on it, stops it. */
    public CertificationReport withKernel(Function<List<String>, Kernel> start, Output output) {
        List<PerformanceBudget> budgets = Checklist.budgets(target);
        List<String> budgetUsers = new ArrayList<>(budgets.stream().map(b -> BudgetMeter.user(b) + "@" + BudgetMeter.TENANT + "="
                + b.role().orElse("admin")).distinct().toList());
        budgetUsers.add(READER + "@prm-certify=" + String.join("|", roles()));
        List<CheckResult> statics = Checklist.staticPart(target);
        try (Kernel kernel = start.apply(budgetUsers)) {
            ScenarioRunner runner = new ScenarioRunner(kernel, new EventSchemas(List.copyOf(target.validation().set().values())));
            List<ScenarioResult> results = new ArrayList<>();
            for (int i = 0; i < target.scenarios().size(); i++) {
                results.add(runner.run(target.scenarios().get(i), i + 1));
            }
            output.line("ran " + results.size() + " scenario(s)" + (budgets.isEmpty() ? "" : "; measuring " + budgets.size() + " budget(s)..."));
            CheckResult api = ApiConformance.run(openapi(kernel), target.name(), results);
            CheckResult performance;
            try {
                performance = new BudgetMeter(kernel).run(target.name(), budgets, target.manifest().manifest().entities().values());
            } catch (IllegalStateException e) {
                performance = CheckResult.of(CheckIds.PERFORMANCE, CheckIds.title(CheckIds.PERFORMANCE), "could not measure",
                        List.of(io.prmos.metadata.certify.Finding.fail("budgets", CliFailure.oneLine(e.getMessage()))));
            }
            return report(Checklist.complete(statics, target, Optional.of(new Checklist.KernelRun(results, api, performance))));
        }
    }

    /** Seals the certificate (signed when a key is configured) and writes it beside the manifest. */
    public Path writeCertificate(CertificationReport report) {
        Certificate certificate = CertificateCodec.seal(Certificate.of(report.module(), report.version(), report.manifestChecksum(),
                report.toolVersion(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), report.checks()), key);
        Path file = target.folder().resolve(CertificateFile.NAME);
        try {
            Files.writeString(file, Http.PRETTY.writeValueAsString(CertificateCodec.toJson(certificate)) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CliFailure.user("cannot write " + file + ": " + e.getMessage());
        }
        return file;
    }

    /**
     * The OpenAPI document is per caller (it lists what the caller's roles allow): it is read as a user
     * holding every role of the module set, so every operation a scenario's user may call is in it.
     */
    static final String READER = "prm-certify-reader";

    private List<String> roles() {
        java.util.Set<String> roles = new java.util.TreeSet<>();
        target.validation().set().values().forEach(m -> {
            roles.addAll(m.manifest().roles().keySet());
            m.manifest().permissions().forEach(p -> roles.add(p.role()));
        });
        return List.copyOf(roles);
    }

    private CertificationReport report(List<CheckResult> checks) {
        return new CertificationReport(target.name(), target.manifest().manifest().version().toString(), Checksums.sha256(text),
                TOOL_VERSION, checks);
    }

    private static JsonNode openapi(Kernel kernel) {
        var response = new Http().send(HttpRequest.newBuilder(Http.uri(kernel.url() + "/q/openapi?format=json"))
                .header("Authorization", "Bearer " + kernel.token(READER)).GET().build());
        try {
            return Http.JSON.readTree(response.body());
        } catch (IOException e) {
            throw CliFailure.server("the kernel's OpenAPI document is not JSON: " + e.getMessage());
        }
    }
}
