package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.quote;

import io.prmos.engine.security.Caller;

/**
 * The kernel's own tenant predicate, the first of two walls (PostgreSQL row-level security is the
 * second). It can be switched off only by a test seam, to prove that the second wall holds alone.
 */
public final class KernelTenantFilter {

    private final boolean enabled;

    public KernelTenantFilter(boolean enabled) {
        this.enabled = enabled;
    }

    String condition(Params params, Caller caller) {
        return enabled ? quote("tenant_id") + " = " + params.add(caller.tenant()) : "TRUE";
    }

    public boolean enabled() {
        return enabled;
    }
}
