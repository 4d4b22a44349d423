package io.prmos.metadata.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.metadata.load.ManifestProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code src/test/resources/bad} is a broken manifest; {@code expected.tsv} lists, per
 * file, exactly the problems it must produce (file, line, column, pointer, message fragment). A bad
 * manifest is checked together with the sample modules so that it may require them.
 */
class BadManifestsTest {

    static final Path BAD = Path.of("src", "test", "resources", "bad");

    record Expected(String file, int line, int column, String pointer, String fragment) {
        boolean matches(ManifestProblem p) {
            return p.file().equals(file) && p.line() == line && p.column() == column
                    && p.pointer().equals(pointer) && p.message().contains(fragment);
        }
    }

    static Stream<String> badFiles() throws IOException {
        try (Stream<Path> files = Files.list(BAD)) {
            // bad/ui/ holds the sources the manifests' UI extensions name, not manifests
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).filter(n -> !n.endsWith(".tsv"))
                    .sorted().toList().stream();
        }
    }

    static Map<String, List<Expected>> expectations() throws IOException {
        return Files.readAllLines(BAD.resolve("expected.tsv"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", -1))
                .map(c -> new Expected(c[0], Integer.parseInt(c[1]), Integer.parseInt(c[2]), c[3], c[4]))
                .collect(Collectors.groupingBy(Expected::file, LinkedHashMap::new, Collectors.toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void reportsExactlyTheExpectedProblems(String fileName) throws IOException {
        String source = "bad/" + fileName;
        List<Expected> expected = expectations().getOrDefault(source, List.of());
        assertFalse(expected.isEmpty(), "expected.tsv has no row for " + source);

        List<ManifestProblem> actual = ModuleSetFixture.problemsOf(Files.readString(BAD.resolve(fileName)), source);

        String report = actual.stream().map(ManifestProblem::toString).collect(Collectors.joining("\n"));
        assertEquals(expected.size(), actual.size(), "problems of " + source + ":\n" + report);
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(expected.get(i).matches(actual.get(i)), "expected " + expected.get(i) + "\n but got " + actual.get(i));
        }
    }

    @Test
    void everyExpectationNamesAnExistingFileAndThereAreEnoughCases() throws IOException {
        List<String> files = badFiles().map(n -> "bad/" + n).toList();
        assertTrue(files.containsAll(expectations().keySet()), "expected.tsv names a missing file");
        assertTrue(files.size() >= 61, "only " + files.size() + " bad manifests");
        assertTrue(files.stream().anyMatch(f -> f.endsWith(".json")), "no JSON case");
    }

    @Test
    void problemPrintsAsFileLineColumnPointerMessage() throws IOException {
        List<ManifestProblem> problems = ModuleSetFixture.problemsOf(
                Files.readString(BAD.resolve("11-max-not-a-number.yaml")), "bad/11-max-not-a-number.yaml");
        assertEquals("bad/11-max-not-a-number.yaml:7:36 /entities/Thing/fields/score/max: expected a number, got string \"x\"",
                problems.get(0).toString());
    }
}
