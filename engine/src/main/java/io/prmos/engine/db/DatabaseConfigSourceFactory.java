package io.prmos.engine.db;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Decides where the engine's database is. An explicit Quarkus datasource URL wins; otherwise
 * {@code PRM_DB_URL} ({@code postgresql://host:port/db}) is translated into the reactive and JDBC
 * URLs; otherwise an embedded PostgreSQL is started on first use.
 */
public final class DatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue(REACTIVE_URL)) || isSet(context.getValue(JDBC_URL))) {
            return List.of();
        }
        ConfigValue prmUrl = context.getValue("prm.db.url");
        if (isSet(prmUrl)) {
            return List.of(new ExternalDatabaseConfigSource(prmUrl.getValue()));
        }
        ConfigValue dataDir = context.getValue("prm.data-dir");
        ConfigValue clean = context.getValue("prm.data-dir.clean");
        return List.of(new EmbeddedDatabaseConfigSource(
                isSet(dataDir) ? dataDir.getValue() : ".prm/data",
                isSet(clean) && Boolean.parseBoolean(clean.getValue())));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(150);
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    /** A fixed translation of {@code PRM_DB_URL}. */
    static final class ExternalDatabaseConfigSource implements ConfigSource {
        private final Map<String, String> values;

        ExternalDatabaseConfigSource(String url) {
            String bare = url.replaceFirst("^jdbc:", "").replaceFirst("^postgres(ql)?://", "");
            this.values = Map.of(REACTIVE_URL, "postgresql://" + bare, JDBC_URL, "jdbc:postgresql://" + bare,
                    "quarkus.datasource.app.reactive.url", "postgresql://" + bare);
        }

        @Override
        public Map<String, String> getProperties() {
            return values;
        }

        @Override
        public java.util.Set<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public String getValue(String name) {
            return values.get(name);
        }

        @Override
        public String getName() {
            return "prm-db-url";
        }

        @Override
        public int getOrdinal() {
            return 150;
        }
    }
}
