package io.prmos.metadata.model;

/**
 * Roles the platform itself knows. {@link #ADMIN} is a tenant's administrator (API keys, webhooks,
 * custom fields, dictionaries of that tenant); manifests may grant it permissions without declaring
 * it, and it reads or writes records only through such grants. {@link #PLATFORM_OPERATOR} runs the
 * installation: it publishes, rolls back and purges modules, which changes every tenant. It is not a
 * tenant role: manifests can neither declare it nor grant it anything.
 */
public final class PlatformRoles {

    public static final String ADMIN = "admin";
    public static final String PLATFORM_OPERATOR = "platform_operator";

    private PlatformRoles() {
    }

    /** A built-in role manifests may name in grants without declaring it. */
    public static boolean isPlatformRole(String role) {
        return ADMIN.equals(role);
    }

    /** A role name the platform owns: manifests cannot declare it. */
    public static boolean isReserved(String role) {
        return ADMIN.equals(role) || PLATFORM_OPERATOR.equals(role);
    }
}
