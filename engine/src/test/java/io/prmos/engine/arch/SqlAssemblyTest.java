package io.prmos.engine.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SQL is generated in few places, and names enter it only through {@code SqlIdentifier.quote}.
 * This scan fails the build when a class outside those places writes SQL keywords into strings,
 * or when anything but the quoting function writes a double-quoted identifier.
 */
class SqlAssemblyTest {

    private static final Path MAIN = Path.of("src/main/java/io/prmos/engine");
    /**
     * Packages allowed to render SQL text (each with bound values only). {@code events} owns the
     * kernel's event tables (outbox, subscriber progress, webhooks), which no other package reads;
     * {@code jobs} owns the job queue's table the same way.
     */
    private static final List<String> SQL_PACKAGES = List.of("/sql/", "/schema/", "/store/", "/events/", "/jobs/");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern SQL_KEYWORD = Pattern.compile(
            "\\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE|ALTER TABLE|DROP|WHERE)\\b");
    private static final Pattern QUOTE_CHAR = Pattern.compile("'\"'|\"\\\\\"\"");

    @Test
    void onlyTheSqlPackagesWriteSql() throws IOException {
        List<String> offenders = javaFiles()
                .filter(p -> SQL_PACKAGES.stream().noneMatch(pkg -> p.toString().replace('\\', '/').contains(pkg)))
                .filter(SqlAssemblyTest::hasSqlLiteral)
                .map(Path::toString).toList();
        assertEquals(List.of(), offenders, "SQL text outside the sql, schema and store packages");
    }

    @Test
    void onlyTheQuotingFunctionQuotesIdentifiers() throws IOException {
        List<String> offenders = javaFiles()
                .filter(p -> !p.getFileName().toString().equals("SqlIdentifier.java"))
                .filter(p -> p.toString().replace('\\', '/').contains("/sql/") || SQL_PACKAGES.stream().anyMatch(pkg -> p.toString().replace('\\', '/').contains(pkg)))
                .filter(p -> matches(p, QUOTE_CHAR))
                .map(Path::toString).toList();
        assertEquals(List.of(), offenders, "identifier quoting outside SqlIdentifier.quote");
    }

    @Test
    void theScanRecognisesSqlInAStringLiteral(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path sample = dir.resolve("Sample.java");
        Files.writeString(sample, "class Sample { String q = \"SELECT * FROM t WHERE id = \" + 1; @DELETE void d() {} }");
        Path innocent = dir.resolve("Innocent.java");
        Files.writeString(innocent, "class Innocent { @DELETE void d() { log(\"delete a record\"); } }");
        org.junit.jupiter.api.Assertions.assertTrue(hasSqlLiteral(sample));
        org.junit.jupiter.api.Assertions.assertFalse(hasSqlLiteral(innocent));
    }

    private static Stream<Path> javaFiles() throws IOException {
        return Files.walk(MAIN).filter(p -> p.toString().endsWith(".java")).toList().stream();
    }

    private static boolean hasSqlLiteral(Path file) {
        java.util.regex.Matcher literal = STRING_LITERAL.matcher(read(file));
        while (literal.find()) {
            if (SQL_KEYWORD.matcher(literal.group()).find()) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean matches(Path file, Pattern pattern) {
        try {
            return pattern.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
