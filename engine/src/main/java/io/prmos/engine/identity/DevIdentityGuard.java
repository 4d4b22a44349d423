package io.prmos.engine.identity;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Refuses to start the prod profile with the passwordless embedded identity provider enabled. */
@ApplicationScoped
public class DevIdentityGuard {

    @ConfigProperty(name = "prm.dev-identity.enabled", defaultValue = "false")
    boolean enabled;

    void onStart(@Observes @jakarta.annotation.Priority(1) StartupEvent event) {
        if (enabled && ConfigUtils.getProfiles().contains("prod")) {
            throw new IllegalStateException("prm.dev-identity.enabled=true is refused in the prod profile: the embedded "
                    + "identity provider signs tokens without passwords. Configure prm.oidc.issuer (Keycloak) instead, "
                    + "or run a non-prod profile such as 'local' (./prm up).");
        }
    }
}
