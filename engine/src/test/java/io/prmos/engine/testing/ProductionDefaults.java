package io.prmos.engine.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The test engine with the production defaults the test profile relaxes: webhooks to private
 * addresses refused, metrics for platform operators only, Swagger UI off. The attack specs that use
 * it share one Quarkus restart.
 */
public class ProductionDefaults implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "prm.webhooks.allow-private-targets", "false",
                "quarkus.http.auth.permission.operations.enabled", "true",
                "quarkus.swagger-ui.enabled", "false");
    }
}
