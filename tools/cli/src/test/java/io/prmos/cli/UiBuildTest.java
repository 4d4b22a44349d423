package io.prmos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prm validate} builds a module's UI extensions (ui/ folder, ADR 0151) with the runtime's Vite
 * script: React and the design system stay shared, a broken source is a one-line located error, and
 * the design-system rule warns about tables, forms and pickers from elsewhere — an error when strict.
 */
class UiBuildTest {

    private static final Path RUNTIME = Path.of("../../ui-runtime").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    @BeforeAll
    static void runtimeInstalled() {
        // The engine build (Quinoa) installs ui-runtime's packages; without them there is no Vite to build with.
        Assumptions.assumeTrue(Files.isDirectory(RUNTIME.resolve("node_modules/vite")), "ui-runtime/node_modules is not installed");
    }

    private CliRun cli() {
        return new CliRun(temp.resolve("config"));
    }

    private Path module(String name, boolean strict, String source) throws IOException {
        Path folder = temp.resolve(name);
        Files.createDirectories(folder.resolve("ui/board"));
        Files.writeString(folder.resolve("module.yaml"), """
                apiVersion: prm/v1
                module: %s
                version: 0.1.0
                title: Gizmos
                entities:
                  Gizmo:
                    fields:
                      name: { type: text, required: true }
                ui:
                  pages:
                    - { name: board, title: Board, entry: board/Board.tsx, strict: %s }
                """.formatted(name, strict), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("ui/board/Board.tsx"), source, StandardCharsets.UTF_8);
        return folder;
    }

    private static final String GOOD = """
            import { useState } from 'react';
            import { Button } from '@mantine/core';
            import { PageFrame, DataTable, useEntityMeta } from '@prm/ui';

            export default function Board() {
              const [n, setN] = useState(0);
              const gizmo = useEntityMeta('gizmos.Gizmo');
              return <PageFrame title="Board"><Button onClick={() => setN(n + 1)}>{n}</Button>{gizmo && <DataTable entity={gizmo} />}</PageFrame>;
            }
            """;

    private static final String OFF_SYSTEM = """
            import { useState } from 'react';
            import { Table, Button } from '@mantine/core';

            export default function Board() {
              const [n] = useState(0);
              return <Table><tbody><tr><td><Button>{n}</Button></td></tr></tbody></Table>;
            }
            """;

    /** The engine installs the committed bundles of the sample modules at start: they must be what their sources build to. */
    @Test
    void theSampleModulesCommittedBundlesAreBuiltFromTheirCurrentSources() throws IOException {
        Path samples = Path.of("../../modules").toAbsolutePath().normalize();
        Path copy = temp.resolve("modules");
        copyTree(samples, copy);
        CliRun.Result result = cli().run("validate", copy.toString());
        assertEquals(0, result.exitCode(), result.toString());
        for (String name : new String[] {"deals", "partners"}) {
            assertEquals(Files.readString(samples.resolve(name).resolve("ui/dist/extension.js")),
                    Files.readString(copy.resolve(name).resolve("ui/dist/extension.js")),
                    "modules/" + name + "/ui/dist/extension.js is stale: run prm validate modules and commit the bundle");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.toString().contains("/ui/dist/")) {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void validateBuildsTheBundleWithReactAndTheDesignSystemShared() throws IOException {
        Path folder = module("gizmos", true, GOOD);
        CliRun.Result result = cli().run("validate", folder.toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("built the UI of gizmos"), result.out());
        String bundle = Files.readString(folder.resolve("ui/dist/extension.js"));
        assertTrue(bundle.contains("globalThis.__PRM_SHARED__"), "shared modules are read from the shell's registry");
        for (String shared : new String[] {"react", "@mantine/core", "@prm/ui", "react/jsx-runtime"}) {
            assertTrue(bundle.contains("does not share " + shared + "\""), "reads " + shared + " from the registry: " + bundle);
        }
        assertFalse(bundle.contains("from\"react\"") || bundle.contains("from \"react\""), "no bare import is left for the browser to resolve");
        assertFalse(bundle.contains("useSyncExternalStore") && bundle.contains("__CLIENT_INTERNALS"), "React itself is not bundled");
        assertTrue(bundle.length() < 4000, "a small page stays small: " + bundle.length() + " bytes");
        assertTrue(bundle.contains("export{") && bundle.contains("pages") && bundle.contains("widgets"), bundle);
    }

    @Test
    void aTableFromOutsideTheDesignSystemIsAWarningByDefaultAndAnErrorWhenStrict() throws IOException {
        CliRun.Result lenient = cli().run("validate", module("lenient", false, OFF_SYSTEM).toString());
        assertEquals(0, lenient.exitCode(), lenient.toString());
        assertTrue(lenient.out().contains("warning: ") && lenient.out().contains("ui/board/Board.tsx:2: imports Table from '@mantine/core' for tables: "
                + "use DataTable or RecordTable from @prm/ui"), lenient.out());

        CliRun.Result strict = cli().run("validate", module("strict", true, OFF_SYSTEM).toString());
        assertEquals(1, strict.exitCode(), strict.toString());
        assertTrue(strict.err().contains("ui/board/Board.tsx:2: imports Table from '@mantine/core' for tables") && strict.err().contains("(strict: board)"),
                strict.err());
        assertFalse(Files.exists(temp.resolve("strict/ui/dist/extension.js")), "a refused build writes no bundle");
    }

    @Test
    void aSyntaxErrorIsOneLocatedLineAndExitCode1() throws IOException {
        CliRun.Result result = cli().run("validate", module("broken", false, "export default function Board( {\n  return <div>;\n}\n").toString());
        assertEquals(1, result.exitCode(), result.toString());
        String line = result.err().lines().filter(l -> l.contains("Board.tsx")).findFirst().orElse("");
        assertTrue(line.matches(".*ui/board/Board\\.tsx:\\d+:\\d+: .+"), result.err());
    }

    @Test
    void anUnknownPackageIsRefusedWithItsName() throws IOException {
        CliRun.Result result = cli().run("validate", module("unknown", false,
                "import thing from 'no-such-package-anywhere';\nexport default function Board() { return thing; }\n").toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().contains("no-such-package-anywhere"), result.err());
    }

    @Test
    void aMantineMemberTheShellDoesNotShareIsRefusedWithTheSharedList() throws IOException {
        CliRun.Result result = cli().run("validate", module("stepper", false,
                "import { Stepper } from '@mantine/core';\nexport default function Board() { return <Stepper active={0} />; }\n").toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().contains("ui/board/Board.tsx:1: Stepper is not shared by the shell's '@mantine/core' (shared: ActionIcon, Alert"),
                result.err());
    }

    @Test
    void publishSendsTheBuiltBundleWithTheManifest() throws IOException {
        Path folder = module("shipped", true, GOOD);
        String plan = "{\"dryRun\":%s,\"applied\":%s,\"modules\":[{\"module\":\"shipped\",\"from\":null,\"to\":\"0.1.0\","
                + "\"classification\":\"additive\",\"changes\":[],\"sql\":[]}]}";
        try (FakeEngine engine = new FakeEngine()) {
            engine.json("POST /api/admin/modules?dryRun=true", 200, plan.formatted(true, false));
            engine.json("POST /api/admin/modules?dryRun=false", 200, plan.formatted(false, true));
            CliRun.Result publish = cli().run("publish", folder.toString(), "--server", engine.url());
            assertEquals(0, publish.exitCode(), publish.toString());
            assertEquals(2, engine.requests().size());
            var body = io.prmos.cli.http.Http.JSON.readTree(engine.requests().get(1).body());
            assertEquals("shipped/module.yaml", body.at("/modules/0/file").asText());
            assertEquals(Files.readString(folder.resolve("ui/dist/extension.js")), body.at("/modules/0/uiBundle").asText());
        }
    }

    @Test
    void aManifestWithoutItsUiFolderValidatesWithAWarning() throws IOException {
        Path folder = module("away", false, GOOD);
        try (var files = Files.walk(folder.resolve("ui"))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        CliRun.Result result = cli().run("validate", folder.toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("warning: away/module.yaml: declares UI extensions but has no ui/ folder here: not built"), result.out());
    }

    @Test
    void skipUiValidatesTheManifestOnly() throws IOException {
        CliRun.Result result = cli().run("validate", "--skip-ui", module("skipped", false, "not even code").toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertFalse(result.out().contains("built the UI"), result.out());
    }
}
