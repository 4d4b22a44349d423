package io.prmos.metadata.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.metadata.check.SemanticChecker;
import io.prmos.metadata.load.LoadResult;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestLoader;
import io.prmos.metadata.model.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each folder of {@code src/test/resources/diff} is one publish: {@code installed.yaml} (absent for a
 * first install), {@code candidate.yaml} and {@code expected.txt} — the verdict, one line per change
 * ({@code KIND target CLASS [acknowledged]}, in order) and one {@code refusal: <fragment>} line per
 * refusal, in order. Both manifests must load and pass the semantic checks.
 */
class DiffCasesTest {

    static final Path CASES = Path.of("src", "test", "resources", "diff");

    record Expected(Verdict verdict, List<String> changes, List<String> refusals) {

        static Expected read(Path file) throws IOException {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            List<String> changes = new ArrayList<>();
            List<String> refusals = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.startsWith("refusal: ")) {
                    refusals.add(line.substring("refusal: ".length()));
                } else {
                    changes.add(line);
                }
            }
            return new Expected(Verdict.valueOf(lines.get(0)), changes, refusals);
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    static ChangeSet diff(String name) {
        Path dir = CASES.resolve(name);
        Path installed = dir.resolve("installed.yaml");
        Manifest before = Files.exists(installed) ? load(installed) : null;
        return ManifestDiff.compare(before, load(dir.resolve("candidate.yaml")));
    }

    static Manifest load(Path file) {
        LoadResult result = new ManifestLoader().loadFile(file);
        assertEquals(List.of(), result.problems(), file.toString());
        LoadedManifest loaded = ((LoadResult.Loaded) result).manifest();
        assertEquals(List.of(), new SemanticChecker().check(loaded), file.toString());
        return loaded.manifest();
    }

    static String render(ChangeSet set) {
        List<String> lines = new ArrayList<>();
        lines.add(set.verdict().name());
        set.changes().forEach(c -> lines.add(c.summary()));
        set.refusals().forEach(r -> lines.add("refusal: " + r));
        return String.join("\n", lines);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classifiesExactlyAsExpected(String name) throws IOException {
        Expected expected = Expected.read(CASES.resolve(name).resolve("expected.txt"));
        ChangeSet actual = diff(name);
        String report = render(actual);

        assertEquals(expected.verdict(), actual.verdict(), report);
        assertEquals(expected.changes(), actual.changes().stream().map(Change::summary).toList(), report);
        assertEquals(expected.refusals().size(), actual.refusals().size(), report);
        for (int i = 0; i < expected.refusals().size(); i++) {
            assertTrue(actual.refusals().get(i).contains(expected.refusals().get(i)),
                    "refusal " + i + " should contain \"" + expected.refusals().get(i) + "\"\n" + report);
        }
        assertEquals(actual.refusals().isEmpty(), actual.allowed(), report);
    }

    @Test
    void theCasesCoverEveryKindAndBothVerdicts() throws IOException {
        List<String> names = cases().toList();
        assertTrue(names.size() >= 25, "only " + names.size() + " cases");
        Set<ChangeKind> seen = EnumSet.noneOf(ChangeKind.class);
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        for (String name : names) {
            Expected expected = Expected.read(CASES.resolve(name).resolve("expected.txt"));
            verdicts.add(expected.verdict());
            expected.changes().forEach(line -> seen.add(ChangeKind.valueOf(line.split(" ")[0])));
        }
        Set<ChangeKind> missing = EnumSet.complementOf(EnumSet.copyOf(seen));
        assertEquals(Set.of(), missing, "kinds no case shows: " + missing.stream().map(Enum::name).collect(Collectors.joining(", ")));
        assertEquals(EnumSet.allOf(Verdict.class), verdicts);
    }
}
