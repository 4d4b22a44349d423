package io.prmos.engine.testsupport;

import io.prmos.engine.identity.DevIdentityGuard;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Test support writes records and events as the system: the engine does not start with it enabled in
 * the prod profile or when it listens beyond loopback, whatever else is configured.
 */
@ApplicationScoped
public class TestSupportGuard {

    @ConfigProperty(name = "prm.test-support.enabled", defaultValue = "false")
    boolean enabled;

    void onStart(@Observes @jakarta.annotation.Priority(1) StartupEvent event) {
        if (!enabled) {
            return;
        }
        String host = ConfigProvider.getConfig().getOptionalValue("quarkus.http.host", String.class)
                .orElse(LaunchMode.current().isDevOrTest() ? "localhost" : "0.0.0.0");
        if (ConfigUtils.getProfiles().contains("prod") || !DevIdentityGuard.isLoopback(host)) {
            throw new IllegalStateException("prm.test-support.enabled=true is refused with quarkus.http.host=" + host
                    + " or in the prod profile: it is for the throw-away kernels prm test starts on this machine");
        }
    }
}
