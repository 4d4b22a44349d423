package io.prmos.engine.query;

import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The system columns seen as read-only, filterable and sortable fields, so queries treat them like declared ones. */
public final class SystemFields {

    private static final Map<String, FieldDescriptor> FIELDS = Map.of(
            "id", field("id", new FieldType.UuidType()),
            "version", field("version", new FieldType.BigIntType()),
            "created_at", field("created_at", new FieldType.DateTime()),
            "created_by", field("created_by", new FieldType.Text(255)),
            "updated_at", field("updated_at", new FieldType.DateTime()),
            "updated_by", field("updated_by", new FieldType.Text(255)));

    /**
     * The public id of an entity that has them ({@code publicId} in the manifest): read-only text that
     * can be filtered, sorted and asked for in {@code fields=}. Not in {@link #isSystemColumn}: rows
     * written before the entity had public ids hold none.
     */
    public static final String PUBLIC_ID = "public_id";
    private static final FieldDescriptor PUBLIC_ID_FIELD = field(PUBLIC_ID, new FieldType.Text(64));

    /** The order system fields appear in a record's JSON. */
    public static final List<String> ORDER = List.of("id", "version", "created_at", "created_by", "updated_at", "updated_by");

    private SystemFields() {
    }

    /** A declared field or a system field of the entity. */
    public static Optional<FieldDescriptor> lookup(EntityDescriptor entity, String name) {
        FieldDescriptor system = FIELDS.get(name);
        return system != null ? Optional.of(system) : publicId(entity, name).or(() -> entity.field(name));
    }

    /** Like {@link #lookup} but a field the caller may not see does not exist for them. */
    public static Optional<FieldDescriptor> lookupVisible(EntityDescriptor entity, String name, java.util.Set<String> visible) {
        FieldDescriptor system = FIELDS.get(name);
        if (system != null) {
            return Optional.of(system);
        }
        return publicId(entity, name).or(() -> visible.contains(name) ? entity.field(name) : Optional.empty());
    }

    private static Optional<FieldDescriptor> publicId(EntityDescriptor entity, String name) {
        return name.equals(PUBLIC_ID) && entity.options().publicId().isPresent() ? Optional.of(PUBLIC_ID_FIELD) : Optional.empty();
    }

    /** Whether a sort or filter column is a system column; they are never null. */
    public static boolean isSystemColumn(String column) {
        return FIELDS.containsKey(column);
    }

    public static boolean isSystem(FieldDescriptor field) {
        return FIELDS.get(field.name()) == field || field == PUBLIC_ID_FIELD;
    }

    private static FieldDescriptor field(String name, FieldType type) {
        return FieldDescriptor.of(new FieldDef(name, type, name, null, true, false, true, true, true, false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty()));
    }
}
