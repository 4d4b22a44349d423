package io.prmos.engine.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Resolves the caller of the current request. Until identity lands (OIDC, API keys), every
 * request acts as the configured default user of the configured default tenant.
 */
@ApplicationScoped
public class CallerResolver {

    @ConfigProperty(name = "prm.default-tenant", defaultValue = "default")
    String tenant;

    @ConfigProperty(name = "prm.default-user", defaultValue = "anonymous")
    String user;

    public Caller current() {
        return new Caller(tenant, user, Set.of());
    }
}
