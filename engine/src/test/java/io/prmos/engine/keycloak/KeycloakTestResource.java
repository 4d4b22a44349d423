package io.prmos.engine.keycloak;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts the shared real Keycloak (realms {@code prm} and {@code other}) and points the engine at it:
 * {@code prm.oidc.issuer} is the realm's issuer and the embedded dev identity is switched off, so a
 * bearer token is only accepted when Keycloak signed it.
 *
 * <p>Only {@code prm.oidc.issuer} is returned, not {@code quarkus.oidc.auth-server-url}: the engine's
 * {@code IdentityConfigSourceFactory} derives the latter, and these specs check that it does so when the
 * issuer arrives from a test resource rather than from {@code application.properties} or the environment.
 *
 * <p>The server outlives the Quarkus application (other classes of the same JVM may still use it);
 * {@link KeycloakServer} stops it with a shutdown hook.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KeycloakServer keycloak = KeycloakServer.shared();
        return Map.of(
                "prm.oidc.issuer", keycloak.issuer(),
                "prm.dev-identity.enabled", "false");
    }

    @Override
    public void stop() {
        // shared with KeycloakRealmTest and the next profile restart; the shutdown hook stops it
    }
}
