package io.prmos.engine.openapi;

import static io.prmos.engine.openapi.DocParts.REF;
import static io.prmos.engine.openapi.DocParts.integer;
import static io.prmos.engine.openapi.DocParts.nullableString;
import static io.prmos.engine.openapi.DocParts.object;
import static io.prmos.engine.openapi.DocParts.string;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;

import io.prmos.engine.query.SystemFields;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * JSON Schemas of records as the API reads and writes them, derived from field metadata: the record
 * (every visible field, each nullable unless the database guarantees a value), the create/replace
 * body ({@code …Input}, required fields listed) and the partial update body ({@code …Patch}, nothing
 * required), so typed clients can send exactly what the API accepts.
 */
final class EntitySchemas {

    private EntitySchemas() {
    }

    static String recordName(EntityDescriptor e) {
        return e.module() + "." + e.name();
    }

    static String inputName(EntityDescriptor e) {
        return recordName(e) + "Input";
    }

    static String patchName(EntityDescriptor e) {
        return recordName(e) + "Patch";
    }

    static String pageName(EntityDescriptor e) {
        return recordName(e) + "Page";
    }

    /** The record as returned: system fields, then every field the caller may read. */
    static Schema record(ModuleDescriptor module, EntityDescriptor entity, CallerView view) {
        Schema schema = object().title(entity.label()).description(entity.description());
        schema.addProperty("id", string("uuid").readOnly(true));
        schema.addProperty("urn", string().readOnly(true).description("urn:prm:{module}:{entity}:{id}, accepted wherever a reference is"));
        schema.addProperty("version", integer("int64").readOnly(true).description("Optimistic-locking version; also the ETag"));
        for (String name : List.of("created_at", "updated_at")) {
            schema.addProperty(name, string("date-time").readOnly(true));
        }
        for (String name : List.of("created_by", "updated_by")) {
            schema.addProperty(name, string().readOnly(true).description("Token subject of the user"));
        }
        entity.options().publicId().ifPresent(p -> schema.addProperty("public_id", string().readOnly(true)
                .pattern("^" + p.prefix() + "-[0-9]{" + p.digits() + ",}$")
                .description("Human-readable id, e.g. " + p.prefix() + "-" + "0".repeat(p.digits() - 1) + "1; accepted in URLs instead of the uuid")));
        if (entity.features().softDelete()) {
            schema.addProperty("deleted_at", nullableString("date-time").readOnly(true)
                    .description("When the record went to the recycle bin; present with deleted=include or deleted=only"));
        }
        entity.fields().stream().filter(f -> view.visible().contains(f.name()))
                .forEach(f -> schema.addProperty(f.name(), field(module, f, true)));
        return schema.required(new ArrayList<>(List.of("id", "version")));
    }

    /** The body of POST and PUT: writable fields; required ones without a default are required. */
    static Schema input(ModuleDescriptor module, EntityDescriptor entity, CallerView view) {
        Schema schema = writable(module, entity, view).title(entity.label() + " input");
        entity.def().workflow().ifPresent(w -> schema.addProperty(w.field(), string().enumeration(List.of(w.initial()))
                .description("Workflow state: a create may name the initial state; later it changes through the transitions")));
        List<String> required = new ArrayList<>();
        for (FieldDescriptor f : writableFields(entity, view)) {
            if (f.def().required() && f.def().defaultValue().isEmpty()) {
                required.add(f.name());
            }
        }
        return required.isEmpty() ? schema : schema.required(required);
    }

    /** The body of PATCH: any subset of the writable fields (JSON merge patch, RFC 7396). */
    static Schema patch(ModuleDescriptor module, EntityDescriptor entity, CallerView view) {
        return writable(module, entity, view).title(entity.label() + " changes")
                .description("Only the fields to change; null clears a field that is not required");
    }

    private static Schema writable(ModuleDescriptor module, EntityDescriptor entity, CallerView view) {
        Schema schema = object().additionalPropertiesBoolean(false);
        for (FieldDescriptor f : writableFields(entity, view)) {
            schema.addProperty(f.name(), field(module, f, !f.def().required()));
        }
        return schema;
    }

    private static List<FieldDescriptor> writableFields(EntityDescriptor entity, CallerView view) {
        return entity.fields().stream().filter(f -> !f.def().readOnly() && view.writable().contains(f.name())).toList();
    }

    static Schema page(EntityDescriptor entity) {
        return object()
                .addProperty("items", createSchema().addType(SchemaType.ARRAY).items(createSchema().ref(REF + recordName(entity))))
                .addProperty("nextCursor", nullableString(null).description("Pass as cursor= to read the next page; null on the last page"))
                .addProperty("total", integer("int64").description("Present when total=exact or total=estimate was asked"))
                .required(List.of("items", "nextCursor"));
    }

    static Schema field(ModuleDescriptor module, FieldDescriptor field, boolean nullable) {
        FieldDef def = field.def();
        Schema schema = typed(module, def.type(), nullable);
        schema.title(def.label());
        if (def.description() != null) {
            schema.description(def.description());
        }
        def.min().ifPresent(schema::minimum);
        def.max().ifPresent(schema::maximum);
        def.minLength().ifPresent(schema::minLength);
        def.maxLength().ifPresent(schema::maxLength);
        def.pattern().ifPresent(schema::pattern);
        if (def.readOnly() || SystemFields.isSystem(field)) {
            schema.readOnly(true);
        }
        return schema;
    }

    /**
     * The schema of a value of {@code type}. A nullable value adds {@code null} to the type (and to
     * an enumeration); a nullable money value, being a reference, is {@code anyOf [Money, null]};
     * JSON accepts any value, null included, so it stays the empty schema.
     */
    private static Schema typed(ModuleDescriptor module, FieldType type, boolean nullable) {
        if (type instanceof FieldType.Money) {
            Schema money = createSchema().ref(REF + "Money");
            return nullable ? createSchema().addAnyOf(money).addAnyOf(createSchema().addType(SchemaType.NULL)) : money;
        }
        if (type.name().equals("json")) {
            return createSchema().description("Any JSON value");
        }
        Schema schema = plain(module, type);
        if (nullable) {
            schema.addType(SchemaType.NULL);
            if (schema.getEnumeration() != null) {
                schema.addEnumeration(null);
            }
        }
        return schema;
    }

    private static Schema plain(ModuleDescriptor module, FieldType type) {
        if (type instanceof FieldType.Text t) return string().maxLength(t.maxLength());
        if (type instanceof FieldType.DecimalType d) {
            return createSchema().addType(SchemaType.NUMBER).description("Up to " + d.precision() + " digits, " + d.scale() + " after the point");
        }
        if (type instanceof FieldType.Dictionary d) return string().enumeration(codes(module, d.dictionary()));
        if (type instanceof FieldType.MultiDictionary d) {
            return createSchema().addType(SchemaType.ARRAY).uniqueItems(true).items(string().enumeration(codes(module, d.dictionary())));
        }
        if (type instanceof FieldType.Reference r) {
            return string().description("Id, public id or URN of a " + r.target());
        }
        return switch (type.name()) {
            case "longtext", "phone" -> string();
            case "email" -> string("email").maxLength(FieldType.Email.MAX_LENGTH);
            case "url" -> string("uri").maxLength(FieldType.Url.MAX_LENGTH);
            case "uuid" -> string("uuid");
            case "date" -> string("date");
            case "datetime" -> string("date-time");
            case "integer" -> integer("int32");
            case "bigint" -> integer("int64");
            case "boolean" -> createSchema().addType(SchemaType.BOOLEAN);
            default -> throw new IllegalStateException("no OpenAPI schema for field type " + type.name());
        };
    }

    private static List<Object> codes(ModuleDescriptor module, String dictionary) {
        return new ArrayList<>(module.dictionary(dictionary).map(d -> d.values().stream().map(v -> (Object) v.code()).toList()).orElse(List.of()));
    }
}
