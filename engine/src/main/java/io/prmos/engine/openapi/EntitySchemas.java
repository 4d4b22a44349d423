package io.prmos.engine.openapi;

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

/** JSON Schemas of records as the API reads and writes them, derived from field metadata. */
final class EntitySchemas {

    static final String REF = "#/components/schemas/";

    private EntitySchemas() {
    }

    static String recordName(EntityDescriptor e) {
        return e.module() + "." + e.name();
    }

    static String inputName(EntityDescriptor e) {
        return recordName(e) + "Input";
    }

    static String pageName(EntityDescriptor e) {
        return recordName(e) + "Page";
    }

    /** The record as returned: system fields, then every field (nullable unless required). */
    static Schema record(ModuleDescriptor module, EntityDescriptor entity, CallerView view) {
        Schema schema = createSchema().addType(SchemaType.OBJECT).title(entity.label()).description(entity.description());
        schema.addProperty("id", createSchema().addType(SchemaType.STRING).format("uuid").readOnly(true));
        schema.addProperty("version", createSchema().addType(SchemaType.INTEGER).format("int64").readOnly(true)
                .description("Optimistic-locking version; also the ETag"));
        for (String name : List.of("created_at", "updated_at")) {
            schema.addProperty(name, createSchema().addType(SchemaType.STRING).format("date-time").readOnly(true));
        }
        for (String name : List.of("created_by", "updated_by")) {
            schema.addProperty(name, createSchema().addType(SchemaType.STRING).readOnly(true));
        }
        entity.fields().stream().filter(f -> view.visible().contains(f.name()))
                .forEach(f -> schema.addProperty(f.name(), field(module, f, true)));
        schema.required(new ArrayList<>(List.of("id", "version")));
        return schema;
    }

    /** The body of POST and PUT: writable fields; required ones without a default are required. */
    static Schema input(ModuleDescriptor module, EntityDescriptor entity, CallerView view) {
        Schema schema = createSchema().addType(SchemaType.OBJECT).title(entity.label() + " input")
                .additionalPropertiesBoolean(false);
        List<String> required = new ArrayList<>();
        for (FieldDescriptor f : entity.fields()) {
            if (f.def().readOnly() || !view.writable().contains(f.name())) {
                continue;
            }
            schema.addProperty(f.name(), field(module, f, !f.def().required()));
            if (f.def().required() && f.def().defaultValue().isEmpty()) {
                required.add(f.name());
            }
        }
        if (!required.isEmpty()) {
            schema.required(required);
        }
        return schema;
    }

    static Schema page(EntityDescriptor entity) {
        return createSchema().addType(SchemaType.OBJECT)
                .addProperty("items", createSchema().addType(SchemaType.ARRAY).items(createSchema().ref(REF + recordName(entity))))
                .addProperty("nextCursor", createSchema().addType(SchemaType.STRING).addType(SchemaType.NULL)
                        .description("Pass as cursor= to read the next page; null on the last page"))
                .addProperty("total", createSchema().addType(SchemaType.INTEGER).format("int64")
                        .description("Present when total=exact or total=estimate was asked"))
                .required(List.of("items", "nextCursor"));
    }

    static Schema field(ModuleDescriptor module, FieldDescriptor field, boolean nullable) {
        FieldDef def = field.def();
        Schema schema = typed(module, def.type());
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
        if (nullable && !(def.type() instanceof FieldType.Money)) {
            schema.addType(SchemaType.NULL);
        }
        return schema;
    }

    private static Schema typed(ModuleDescriptor module, FieldType type) {
        if (type instanceof FieldType.Text t) return string(null).maxLength(t.maxLength());
        if (type instanceof FieldType.Money) return createSchema().ref(REF + "Money");
        if (type instanceof FieldType.DecimalType d) {
            return createSchema().addType(SchemaType.NUMBER).description("Up to " + d.precision() + " digits, " + d.scale() + " after the point");
        }
        if (type instanceof FieldType.Dictionary d) return string(null).enumeration(codes(module, d.dictionary()));
        if (type instanceof FieldType.MultiDictionary d) {
            return createSchema().addType(SchemaType.ARRAY).uniqueItems(true).items(string(null).enumeration(codes(module, d.dictionary())));
        }
        if (type instanceof FieldType.Reference r) {
            return string("uuid").description("Id (or URN) of a " + r.target());
        }
        return switch (type.name()) {
            case "longtext", "phone" -> string(null);
            case "email" -> string("email").maxLength(FieldType.Email.MAX_LENGTH);
            case "url" -> string("uri").maxLength(FieldType.Url.MAX_LENGTH);
            case "uuid" -> string("uuid");
            case "date" -> string("date");
            case "datetime" -> string("date-time");
            case "integer" -> createSchema().addType(SchemaType.INTEGER).format("int32");
            case "bigint" -> createSchema().addType(SchemaType.INTEGER).format("int64");
            case "boolean" -> createSchema().addType(SchemaType.BOOLEAN);
            default -> createSchema().description("Any JSON value");
        };
    }

    private static Schema string(String format) {
        Schema s = createSchema().addType(SchemaType.STRING);
        return format == null ? s : s.format(format);
    }

    private static List<Object> codes(ModuleDescriptor module, String dictionary) {
        return module.dictionary(dictionary).map(d -> d.values().stream().map(v -> (Object) v.code()).toList()).orElse(List.of());
    }

    static Schema money() {
        return createSchema().addType(SchemaType.OBJECT).title("Money")
                .addProperty("amount", createSchema().addType(SchemaType.NUMBER))
                .addProperty("currency", createSchema().addType(SchemaType.STRING).pattern("^[A-Z]{3}$")
                        .description("ISO 4217 currency code"))
                .required(List.of("amount", "currency"));
    }

    static Schema problem() {
        Schema error = createSchema().addType(SchemaType.OBJECT)
                .addProperty("pointer", string(null).description("JSON pointer into the request body"))
                .addProperty("parameter", string(null).description("Query parameter at fault"))
                .addProperty("code", string(null))
                .addProperty("message", string(null));
        return createSchema().addType(SchemaType.OBJECT).title("Problem").description("RFC 9457 problem details")
                .addProperty("type", string("uri"))
                .addProperty("title", string(null))
                .addProperty("status", createSchema().addType(SchemaType.INTEGER))
                .addProperty("detail", string(null))
                .addProperty("instance", string(null))
                .addProperty("errors", createSchema().addType(SchemaType.ARRAY).items(error))
                .required(List.of("type", "title", "status"));
    }
}
