package io.prmos.hooks;

import java.util.Set;

/** Who asked for the write: the tenant, the user id and their roles. */
public record Principal(String tenant, String user, Set<String> roles) {

    public Principal {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
