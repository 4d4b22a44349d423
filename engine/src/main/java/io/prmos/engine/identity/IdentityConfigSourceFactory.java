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
 *
 * <p>Quarkus also runs this factory at build time and records what it returned as low-priority
 * runtime defaults. So every branch sets all the keys it decides, blanking the ones another branch
 * would set, and only an explicit setting above this source's ordinal (application.properties,
 * environment, system properties) turns the factory off.
 */
public final class IdentityConfigSourceFactory implements ConfigSourceFactory {

    private static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (configuredAbove(context, "quarkus.oidc.auth-server-url") || configuredAbove(context, "quarkus.oidc.public-key")) {
            return List.of();
        }
        Map<String, String> values = new HashMap<>();
        ConfigValue issuer = value(context, "prm.oidc.issuer");
        ConfigValue devEnabled = value(context, "prm.dev-identity.enabled");
        if (isSet(issuer)) {
            values.put("quarkus.oidc.tenant-enabled", "true");
            values.put("quarkus.oidc.auth-server-url", issuer.getValue());
            values.put("quarkus.oidc.public-key", "");
            values.put("quarkus.oidc.token.issuer", "");
        } else if (isSet(devEnabled) && Boolean.parseBoolean(devEnabled.getValue())) {
            ConfigValue keyFile = value(context, "prm.dev-identity.key-file");
            ConfigValue devIssuer = value(context, "prm.dev-identity.issuer");
            Path file = Path.of(isSet(keyFile) ? keyFile.getValue() : DevIdentityConfig.DEFAULT_KEY_FILE);
            values.put("quarkus.oidc.tenant-enabled", "true");
            values.put("quarkus.oidc.auth-server-url", "");
            values.put("quarkus.oidc.public-key", DevIdentityKeys.publicKeyBase64(DevIdentityKeys.load(file)));
            values.put("quarkus.oidc.token.issuer", isSet(devIssuer) ? devIssuer.getValue() : DevIdentityConfig.DEFAULT_ISSUER);
        } else {
            values.put("quarkus.oidc.tenant-enabled", "false");
        }
        return List.of(new MapBackedConfigSource("prm-identity", values, ORDINAL) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /**
     * A value as the running profile sees it. The context does not always apply profiles set at
     * run time (java -Dquarkus.profile=local -jar), so profile-specific keys are looked up first.
     */
    private static ConfigValue value(ConfigSourceContext context, String name) {
        for (String profile : profiles(context)) {
            ConfigValue specific = context.getValue("%" + profile + "." + name);
            if (isSet(specific)) {
                return specific;
            }
        }
        return context.getValue(name);
    }

    private static List<String> profiles(ConfigSourceContext context) {
        ConfigValue runtime = context.getValue("quarkus.profile");
        if (isSet(runtime)) {
            return List.of(runtime.getValue().split(","));
        }
        try {
            return context.getProfiles();
        } catch (UnsupportedOperationException e) {
            return List.of();
        }
    }

    /** Set explicitly by the operator, not a default recorded from this factory's build-time run. */
    private static boolean configuredAbove(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return isSet(value) && value.getConfigSourceOrdinal() > ORDINAL;
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
