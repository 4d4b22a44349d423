package io.prmos.metadata.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Not a test: prints the problems of every bad manifest as TSV rows, to review before adding them. */
final class PrintBadCases {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("src/test/resources/bad");
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".tsv")).toList()) {
                String name = "bad/" + file.getFileName();
                for (var p : ModuleSetFixture.problemsOf(Files.readString(file), name)) {
                    System.out.println(String.join("\t", name, String.valueOf(p.line()), String.valueOf(p.column()),
                            p.pointer(), p.message()));
                }
            }
        }
    }
}
