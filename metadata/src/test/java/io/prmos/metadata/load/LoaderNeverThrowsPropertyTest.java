package io.prmos.metadata.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.metadata.check.SemanticChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever text it is given, the loader returns a result: a manifest, or at least one located
 * problem. It never throws, and neither does the semantic checker on what the loader admits.
 */
class LoaderNeverThrowsPropertyTest {

    private static final String PARTNERS = read("../modules/partners/module.yaml");
    private final ManifestLoader loader = new ManifestLoader();

    @Property(tries = 300)
    void arbitraryTextGivesProblemsNotExceptions(@ForAll("yamlish") String text) {
        assertWellFormed(loader.loadString(text, "fuzz/module.yaml"));
        assertWellFormed(loader.loadString(text, "fuzz/module.json"));
    }

    @Property(tries = 500)
    void mutatedSampleGivesAResultNotAnException(@ForAll @IntRange(min = 0, max = 4000) int position,
                                                 @ForAll @IntRange(min = 0, max = 40) int length,
                                                 @ForAll("yamlish") String replacement) {
        int from = Math.min(position, PARTNERS.length());
        int to = Math.min(from + length, PARTNERS.length());
        String mutated = PARTNERS.substring(0, from) + replacement + PARTNERS.substring(to);
        assertWellFormed(loader.loadString(mutated, "partners/module.yaml"));
    }

    @Provide
    Arbitrary<String> yamlish() {
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", "-", " ", "\n", "  ", "\"", "'", "#",
                "&a", "*a", "!!int", "type", "text", "money", "reference", "to", "apiVersion", "prm/v1", "1.0.0",
                "fields", "entities", "default", "null", "~", "1e999", "-0", "0x1F", ".inf", "\t", "\u00e9", "<<");
        return Arbitraries.oneOf(tokens.list().ofMaxSize(60).map(list -> String.join("", list)),
                Arbitraries.strings().ofMaxLength(200));
    }

    private static void assertWellFormed(LoadResult result) {
        if (result instanceof LoadResult.Failed failed) {
            assertFalse(failed.problems().isEmpty(), "a failed load reports why");
            for (ManifestProblem p : failed.problems()) {
                assertTrue(p.line() >= 1 && p.column() >= 1, p.toString());
                assertFalse(p.message().isBlank(), p.toString());
                assertFalse(p.message().contains("internal error"), p.toString());
            }
        } else {
            LoadedManifest loaded = ((LoadResult.Loaded) result).manifest();
            assertNotNull(loaded.manifest().module());
            // the semantic checker must cope with whatever the schema admits
            new SemanticChecker().check(loaded).forEach(p -> assertTrue(p.line() >= 1 && p.column() >= 1, p.toString()));
        }
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
