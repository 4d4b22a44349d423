package io.prmos.cli.scenario;

import io.prmos.cli.CliFailure;
import io.prmos.cli.deps.RequirementSource;
import io.prmos.cli.local.LocalModule;
import io.prmos.cli.local.LocalValidator;
import io.prmos.metadata.contract.ContractExtractor;
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
import java.util.stream.Stream;

/**
 * A module folder ready to test: its manifest validated with its required modules' contracts, its
 * scenarios ({@code tests/*.yaml}) read, and the manifests a kernel installs for it — this module and,
 * for each required module, only its contract (a stand-in whose tables make references work).
 */
public record ModuleUnderTest(LocalModule module, LoadedManifest manifest, LocalValidator.Outcome validation, List<Scenario> scenarios) {

    public static final String TESTS = "tests";

    public static ModuleUnderTest prepare(LocalModule module, LocalValidator.Outcome outcome) {
        if (!outcome.ok()) {
            throw CliFailure.user(outcome.problems().stream().map(ManifestProblem::toString).toList());
        }
        return new ModuleUnderTest(module, outcome.modules().get(0), outcome, scenarios(module.path().getParent()));
    }

    public Path folder() {
        return module.path().getParent();
    }

    public String name() {
        return manifest.manifest().module();
    }

    /** Folder name to manifest text: this module as written, its requirements as contracts. */
    public Map<String, String> installs() {
        Map<String, String> out = new LinkedHashMap<>();
        ContractExtractor cut = new ContractExtractor();
        for (RequirementSource.Found required : validation.required().values()) {
            out.put(required.module(), cut.extract(required.text(), "module.yaml"));
        }
        out.put(name(), module.read().source());
        return out;
    }

    /** {@code user-sN@tenant=role|role} for every scenario's users (see {@link ScenarioRunner#devUser}). */
    public List<String> devUsers() {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            int index = i + 1;
            s.users().forEach((user, roles) -> users.add(ScenarioRunner.devUser(user, index) + "@" + s.tenant() + "=" + String.join("|", roles)));
        }
        return users;
    }

    /** The module's hook jars: {@code hooks/target/*.jar} (a Maven build of its hooks), if any. */
    public List<Path> hookJars() {
        Path target = folder().resolve("hooks").resolve("target");
        if (!Files.isDirectory(target)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.toString().endsWith(".jar") && !p.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar"))
                    .sorted().toList();
        } catch (IOException e) {
            throw CliFailure.user(target + ": cannot list: " + e.getMessage());
        }
    }

    private static List<Scenario> scenarios(Path folder) {
        Path tests = folder.resolve(TESTS);
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        List<Scenario> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(tests)) {
            List<Path> sorted = files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
            for (int i = 0; i < sorted.size(); i++) {
                String name = TESTS + "/" + sorted.get(i).getFileName();
                out.add(ScenarioReader.read(Files.readString(sorted.get(i), StandardCharsets.UTF_8), name, "scenario-" + (i + 1)));
            }
        } catch (IOException e) {
            throw CliFailure.user(tests + ": cannot read: " + e.getMessage());
        } catch (ScenarioException e) {
            throw CliFailure.user(e.getMessage());
        }
        return out;
    }
}
