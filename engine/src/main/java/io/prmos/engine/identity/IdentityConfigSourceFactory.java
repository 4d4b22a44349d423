package io.prmos.engine.identity;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points quarkus-oidc at the right token issuer. With {@code prm.oidc.issuer} set (Keycloak in
 * production) tokens are verified against it; otherwise, when the embedded identity provider is
 * enabled, against its public key; otherwise bearer tokens are not accepted at all.
 */
public final class IdentityConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue("quarkus.oidc.auth-server-url")) || isSet(context.getValue("quarkus.oidc.public-key"))) {
            return List.of();
        }
        Map<String, String> values = new HashMap<>();
        ConfigValue issuer = context.getValue("prm.oidc.issuer");
        if (isSet(issuer)) {
            values.put("quarkus.oidc.auth-server-url", issuer.getValue());
        } else if (isSet(context.getValue("prm.dev-identity.enabled"))
                && Boolean.parseBoolean(context.getValue("prm.dev-identity.enabled").getValue())) {
            ConfigValue keyFile = context.getValue("prm.dev-identity.key-file");
            ConfigValue devIssuer = context.getValue("prm.dev-identity.issuer");
            Path file = Path.of(isSet(keyFile) ? keyFile.getValue() : DevIdentityConfig.DEFAULT_KEY_FILE);
            values.put("quarkus.oidc.public-key", DevIdentityKeys.publicKeyBase64(DevIdentityKeys.load(file)));
            values.put("quarkus.oidc.token.issuer", isSet(devIssuer) ? devIssuer.getValue() : DevIdentityConfig.DEFAULT_ISSUER);
        } else {
            values.put("quarkus.oidc.tenant-enabled", "false");
        }
        return List.of(new MapBackedConfigSource("prm-identity", values, 150) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(150);
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
