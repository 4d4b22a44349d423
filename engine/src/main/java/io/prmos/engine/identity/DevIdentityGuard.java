package io.prmos.engine.identity;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the passwordless embedded identity provider off the network. Whatever the profile is called,
 * the engine does not start with {@code prm.dev-identity.enabled=true} unless its HTTP listener is
 * bound to loopback addresses only (the {@code local} and {@code dev} profiles bind to localhost), and
 * never in the {@code prod} profile. The token endpoint itself also answers only loopback peers
 * ({@link DevIdentityResource}).
 */
@ApplicationScoped
public class DevIdentityGuard {

    @ConfigProperty(name = "prm.dev-identity.enabled", defaultValue = "false")
    boolean enabled;

    void onStart(@Observes @jakarta.annotation.Priority(1) StartupEvent event) {
        refusal(enabled, httpHost(), ConfigUtils.getProfiles()).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
    }

    /** Why the engine must not start with this setting, if it must not. */
    static Optional<String> refusal(boolean enabled, String host, List<String> profiles) {
        if (!enabled) {
            return Optional.empty();
        }
        String advice = " The embedded identity provider signs admin tokens without passwords. Configure prm.oidc.issuer "
                + "(Keycloak) and set prm.dev-identity.enabled=false, or run it on this machine only (./prm up binds to localhost).";
        if (profiles.contains("prod")) {
            return Optional.of("prm.dev-identity.enabled=true is refused in the prod profile." + advice);
        }
        if (!isLoopback(host)) {
            return Optional.of("prm.dev-identity.enabled=true is refused with quarkus.http.host=" + host
                    + " (PRM_HOST): the engine would listen beyond this machine." + advice);
        }
        return Optional.empty();
    }

    /** Every address the listener's host stands for is a loopback address ("0.0.0.0" and "::" are not). */
    public static boolean isLoopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            InetAddress[] addresses = InetAddress.getAllByName(bare);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The configured listener host, or Quarkus' default for the launch mode (localhost in dev and test). */
    private static String httpHost() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.http.host", String.class)
                .orElse(LaunchMode.current().isDevOrTest() ? "localhost" : "0.0.0.0");
    }
}
