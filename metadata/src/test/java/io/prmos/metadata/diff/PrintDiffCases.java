package io.prmos.metadata.diff;

import java.nio.file.Files;

/** Not a test: prints what every diff case produces in the expected.txt form, to review before checking it in. */
final class PrintDiffCases {

    public static void main(String[] args) throws Exception {
        for (String name : DiffCasesTest.cases().toList()) {
            System.out.println("== " + name);
            System.out.println(DiffCasesTest.render(DiffCasesTest.diff(name)));
            if (args.length > 0 && !Files.exists(DiffCasesTest.CASES.resolve(name).resolve("expected.txt"))) {
                Files.writeString(DiffCasesTest.CASES.resolve(name).resolve("expected.txt"), DiffCasesTest.render(DiffCasesTest.diff(name)) + "\n");
            }
        }
    }
}
