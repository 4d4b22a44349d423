package io.prmos.engine.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quarkus runs the factory at build time and records its output as low-ordinal "Runtime Values"; at run
 * time it must decide again from {@code prm.*} and override those recordings, or a build without an
 * issuer (tenant disabled, or the dev key) would outlive a {@code PRM_OIDC_ISSUER} set at start.
 */
class IdentityConfigSourceFactoryTest {

    private static final int RECORDED = 0;
    private static final int APPLICATION_PROPERTIES = 250;
    private static final int OVERRIDE = 399;

    private final Map<String, ConfigValue> values = new HashMap<>();

    private IdentityConfigSourceFactoryTest with(String name, String value, int ordinal) {
        values.put(name, ConfigValue.builder().withName(name).withValue(value).withConfigSourceOrdinal(ordinal).build());
        return this;
    }

    private Map<String, String> produced() {
        ConfigSourceContext context = new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return values.getOrDefault(name, ConfigValue.builder().withName(name).build());
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
        Map<String, String> out = new HashMap<>();
        for (ConfigSource source : new IdentityConfigSourceFactory().getConfigSources(context)) {
            assertEquals(150, source.getOrdinal());
            out.putAll(source.getProperties());
        }
        return out;
    }

    @Test
    void anIssuerGivenAtStartOverridesWhatTheBuildRecorded() {
        with("prm.oidc.issuer", "http://localhost:8180/realms/prm", OVERRIDE)
                .with("prm.dev-identity.enabled", "false", OVERRIDE)
                .with("quarkus.oidc.public-key", "MIIBIjAN-recorded", RECORDED)
                .with("quarkus.oidc.token.issuer", "https://prm.local/dev-identity", RECORDED)
                .with("quarkus.oidc.tenant-enabled", "false", RECORDED);
        Map<String, String> out = produced();
        assertEquals("http://localhost:8180/realms/prm", out.get("quarkus.oidc.auth-server-url"));
        assertEquals("true", out.get("quarkus.oidc.tenant-enabled"));
        assertEquals("", out.get("quarkus.oidc.public-key"), "the recorded dev key must be masked");
        assertEquals("", out.get("quarkus.oidc.token.issuer"), "the issuer comes from discovery");
    }

    @Test
    void theDevIdentityMasksARecordedIssuer(@TempDir Path dir) {
        with("prm.dev-identity.enabled", "true", APPLICATION_PROPERTIES)
                .with("prm.dev-identity.key-file", dir.resolve("key").toString(), APPLICATION_PROPERTIES)
                .with("quarkus.oidc.auth-server-url", "http://recorded/realms/prm", RECORDED)
                .with("quarkus.oidc.tenant-enabled", "false", RECORDED);
        Map<String, String> out = produced();
        assertFalse(out.get("quarkus.oidc.public-key").isBlank());
        assertEquals("", out.get("quarkus.oidc.auth-server-url"));
        assertEquals(DevIdentityConfig.DEFAULT_ISSUER, out.get("quarkus.oidc.token.issuer"));
        assertEquals("true", out.get("quarkus.oidc.tenant-enabled"));
    }

    @Test
    void noIssuerAndNoDevIdentityDisablesBearerTokens() {
        assertEquals(Map.of("quarkus.oidc.tenant-enabled", "false"), produced());
    }

    @Test
    void anExplicitQuarkusOidcSettingTurnsTheFactoryOff() {
        with("prm.oidc.issuer", "http://localhost:8180/realms/prm", OVERRIDE)
                .with("quarkus.oidc.auth-server-url", "https://sso.example.com/realms/x", APPLICATION_PROPERTIES);
        assertTrue(produced().isEmpty());
        values.clear();
        with("quarkus.oidc.public-key", "MIIB-operator", OVERRIDE);
        assertTrue(produced().isEmpty());
    }
}
