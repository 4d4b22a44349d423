package io.prmos.engine.security;

import java.util.Set;

/**
 * Who is calling: the tenant every row they touch belongs to, their stable user id (the token's
 * subject, stored in created_by/updated_by), a display name, their roles, and the id of the HTTP
 * request they act in ({@code X-Request-Id}; null outside a request), which audit records carry.
 */
public record Caller(String tenant, String user, String userName, Set<String> roles, String requestId) {

    /**
     * A tenant's administrator: API keys, webhooks, custom fields and dictionaries of that tenant, and
     * every entry of its activity log. It grants no data access by itself.
     */
    public static final String ADMIN_ROLE = "admin";

    /**
     * The installation's operator: publishes, rolls back and purges modules, which changes every
     * tenant. Not a tenant role; granted only by the identity provider or by another operator.
     */
    public static final String PLATFORM_OPERATOR_ROLE = io.prmos.metadata.model.PlatformRoles.PLATFORM_OPERATOR;

    public Caller {
        roles = Set.copyOf(roles);
    }

    public Caller(String tenant, String user, String userName, Set<String> roles) {
        this(tenant, user, userName, roles, null);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN_ROLE);
    }

    public boolean isPlatformOperator() {
        return roles.contains(PLATFORM_OPERATOR_ROLE);
    }

    /** The same caller acting in the request with this id. */
    public Caller withRequestId(String id) {
        return new Caller(tenant, user, userName, roles, id);
    }
}
