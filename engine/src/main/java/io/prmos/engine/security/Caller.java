package io.prmos.engine.security;

import java.util.Set;

/**
 * Who is calling: the tenant every row they touch belongs to, their stable user id (the token's
 * subject, stored in created_by/updated_by), a display name and their roles.
 */
public record Caller(String tenant, String user, String userName, Set<String> roles) {

    /** The platform role for metadata operations (publishing, API keys); it grants no data access by itself. */
    public static final String ADMIN_ROLE = "admin";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN_ROLE);
    }
}
