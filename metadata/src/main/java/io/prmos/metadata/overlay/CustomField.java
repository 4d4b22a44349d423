package io.prmos.metadata.overlay;

import io.prmos.metadata.model.FieldAccess;
import io.prmos.metadata.model.FieldDef;
import java.util.Map;

/**
 * A field a tenant added to an entity of an installed module.
 *
 * @param module the module owning the entity, e.g. {@code partners}
 * @param entity the entity as named in its manifest, e.g. {@code Partner}
 * @param def    the field, with the same syntax and meaning as a declared field
 * @param access per-role access overriding the default (write for roles that may create or update
 *               the entity, read for roles that may only read it)
 */
public record CustomField(String module, String entity, FieldDef def, Map<String, FieldAccess> access) {

    /** Custom field names start with this prefix, so they never look like a module's own field. */
    public static final String PREFIX = "cf_";

    public CustomField {
        access = Map.copyOf(access);
    }

    public String name() {
        return def.name();
    }

    /** {@code partners.Partner}. */
    public String qualifiedEntity() {
        return module + "." + entity;
    }
}
