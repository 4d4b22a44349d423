package io.prmos.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.ModuleSetCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The exact DDL the sample modules compile to on an empty database. Regenerate after an intended
 * change with {@code -Dgolden.update=true} and review the diff like code.
 */
class SampleModulesDdlGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/sample-modules.sql");

    static Catalog sampleCatalog() {
        ModuleSetCompiler.Result result = new ModuleSetCompiler().compileDirectory(Path.of("../modules"));
        assertTrue(result.ok(), () -> "sample modules must compile: " + result.problems());
        return result.catalog().orElseThrow();
    }

    @Test
    void sampleModulesCompileToTheGoldenDdl() throws IOException {
        String actual = new SchemaPlanner("prm_app").plan(sampleCatalog(), DatabaseSnapshot.empty()).toSql();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual);
    }

    @Test
    void aDatabaseThatHasEverythingNeedsNoSteps() {
        Catalog catalog = sampleCatalog();
        MigrationPlan full = new SchemaPlanner("prm_app").plan(catalog, DatabaseSnapshot.empty());
        DatabaseSnapshot complete = SnapshotOf.plan(full);
        assertEquals(java.util.List.of(), new SchemaPlanner("prm_app").plan(catalog, complete).steps());
    }
}
