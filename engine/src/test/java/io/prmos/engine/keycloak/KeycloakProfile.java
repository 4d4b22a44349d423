package io.prmos.engine.keycloak;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * The engine with a real Keycloak as its only token issuer. Quarkus restarts for the classes that use
 * this profile, so the other specs keep the embedded dev identity.
 */
public class KeycloakProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakTestResource.class));
    }
}
