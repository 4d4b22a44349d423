package io.prmos.engine.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart with unchanged manifests parses and compiles them once and installs nothing, but still
 * verifies the installed modules against the database (a missing index comes back), still warns about
 * a manifest edited without a version bump, and still publishes a folder manifest with a higher version.
 */
class RestartVerifiesModulesIT {

    @Test
    void aRestartVerifiesTheInstalledModulesAndPublishesOnlyNewerVersions(@TempDir Path work) throws Exception {
        Path modules = copyOfTheSampleModules(work);
        try (EngineProcess database = EngineProcess.start(work, "db", Map.of())) {
            String jdbc = "jdbc:postgresql://localhost:" + database.embeddedPostgresPort() + "/postgres";
            Map<String, String> env = Map.of("PRM_DB_URL", "postgresql://localhost:" + database.embeddedPostgresPort() + "/postgres",
                    "PRM_MODULES_DIR", modules.toString());
            try (EngineProcess first = EngineProcess.start(work, "first", env)) {
                assertTrue(first.log().contains("Active modules"), first.log());
            }
            execute(jdbc, "DROP INDEX partners.partner_score_idx");
            Path partners = modules.resolve("partners/module.yaml");
            Files.writeString(partners, Files.readString(partners) + "\n# edited without a version bump\n");
            Path people = modules.resolve("people/module.yaml");
            Files.writeString(people, Files.readString(people).replaceFirst("(?m)^version: 1\\.0\\.0$", "version: 1.0.1"));

            try (EngineProcess restarted = EngineProcess.start(work, "restarted", env)) {
                String log = restarted.log();
                assertEquals(List.of("partner_score_idx"), query(jdbc,
                        "SELECT indexname FROM pg_indexes WHERE schemaname = 'partners' AND indexname = 'partner_score_idx'"), log);
                assertTrue(log.contains("partners/module.yaml changed but still says version 1.0.0"), log);
                assertTrue(log.contains("Published [people@1.0.1]"), log);
                assertTrue(log.contains("people@1.0.1"), log);
                assertEquals(List.of("people@1.0.1", "partners@1.0.0"), query(jdbc,
                        "SELECT module || '@' || version FROM prm_kernel.module_version"
                                + " WHERE status = 'active' AND module IN ('people', 'partners') ORDER BY module DESC"));
            }
        }
    }

    private static Path copyOfTheSampleModules(Path work) throws Exception {
        Path source = Path.of(System.getProperty("prm.modules.dir"));
        Path target = work.resolve("modules");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    private static void execute(String jdbc, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> query(String jdbc, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rows.next()) {
                out.add(rows.getString(1));
            }
            return out;
        }
    }
}
