package io.prmos.metadata.model;

/**
 * Roles the platform itself knows, which manifests may grant permissions to without declaring them.
 * {@link #ADMIN} may publish and manage modules (metadata operations); it reads or writes records
 * only through permissions a manifest grants it.
 */
public final class PlatformRoles {

    public static final String ADMIN = "admin";

    private PlatformRoles() {
    }

    public static boolean isPlatformRole(String role) {
        return ADMIN.equals(role);
    }
}
