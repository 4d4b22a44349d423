package io.prmos.engine.security;

import java.util.Set;

/** Who is calling: the tenant every row they touch belongs to, their user name and roles. */
public record Caller(String tenant, String user, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }
}
