package io.prmos.metadata.model;

import java.util.List;

/** A declared index over one or more fields of an entity; unique indexes hold per tenant. */
public record IndexDef(String name, List<String> fields, boolean unique) {
}
