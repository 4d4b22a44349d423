package io.prmos.engine.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Switches the kernel's own tenant predicate off, so only PostgreSQL row-level security separates tenants. */
public class KernelTenantFilterOff implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("prm.test.kernel-tenant-filter", "false");
    }
}
