package io.prmos.metadata.model;

import java.util.List;

/** The permissions a module grants to one role, entity by entity. */
public record PermissionSet(String role, List<EntityPermission> entities) {
}
