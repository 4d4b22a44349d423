package io.prmos.metadata.model;

/** A role a module declares; identity providers grant roles to users (Keycloak realm roles of the same name). */
public record RoleDef(String name, String label, String description) {
}
