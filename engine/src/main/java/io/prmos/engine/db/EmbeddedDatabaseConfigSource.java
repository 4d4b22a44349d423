package io.prmos.engine.db;

import java.nio.file.Path;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Answers the datasource URLs by starting the embedded PostgreSQL on the first lookup. It lists
 * no property names on purpose: the Maven build enumerates listed names, which would start
 * PostgreSQL during the build and bake a dead port into the build output.
 */
final class EmbeddedDatabaseConfigSource implements ConfigSource {

    private final String dataDirectory;
    private final boolean clean;

    EmbeddedDatabaseConfigSource(String dataDirectory, boolean clean) {
        this.dataDirectory = dataDirectory;
        this.clean = clean;
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String name) {
        if (!name.startsWith("quarkus.datasource.")) {
            return null;
        }
        if (name.equals(DatabaseConfigSourceFactory.REACTIVE_URL) || name.matches("quarkus\\.datasource\\.\"?[a-z]+\"?\\.reactive\\.url")) {
            return "postgresql://localhost:" + server().port() + "/postgres";
        }
        if (name.equals(DatabaseConfigSourceFactory.JDBC_URL) || name.matches("quarkus\\.datasource\\.\"?[a-z]+\"?\\.jdbc\\.url")) {
            return "jdbc:postgresql://localhost:" + server().port() + "/postgres";
        }
        return null;
    }

    private EmbeddedPostgresServer server() {
        return EmbeddedPostgresServer.start(Path.of(dataDirectory), clean);
    }

    @Override
    public String getName() {
        return "prm-embedded-postgres";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}
