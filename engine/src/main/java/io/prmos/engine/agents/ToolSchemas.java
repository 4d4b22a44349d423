package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.model.FieldDef;
import io.prmos.metadata.model.FieldType;
import java.util.Set;

/**
 * JSON Schemas of tool arguments, from field metadata: dictionaries as enums, references as URNs (or
 * ids), money as {@code {amount, currency}}. Only the fields given are described: the caller's visible
 * fields for filters, their writable ones for writes — a hidden field is absent.
 */
final class ToolSchemas {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ToolSchemas() {
    }

    static ObjectNode object() {
        ObjectNode schema = F.objectNode().put("type", "object");
        schema.putObject("properties");
        schema.put("additionalProperties", false);
        return schema;
    }

    static ObjectNode string(String description) {
        return F.objectNode().put("type", "string").put("description", description);
    }

    static void require(ObjectNode schema, String... names) {
        ArrayNode required = schema.has("required") ? (ArrayNode) schema.get("required") : schema.putArray("required");
        for (String name : names) {
            required.add(name);
        }
    }

    static ObjectNode search(EntityDescriptor entity, Set<String> visible) {
        ObjectNode schema = object();
        ObjectNode p = (ObjectNode) schema.get("properties");
        p.set("filter", string("Filter in the API's language, e.g. tier eq 'gold' and score ge 50; fields: "
                + String.join(", ", entity.fields().stream().map(FieldDescriptor::name).filter(visible::contains).toList())));
        p.set("sort", string("Comma-separated fields, - for descending, e.g. -score,name"));
        p.set("limit", F.objectNode().put("type", "integer").put("minimum", 1).put("maximum", 100)
                .put("description", "At most this many records (default 20)"));
        return schema;
    }

    static ObjectNode byId(EntityDescriptor entity) {
        ObjectNode schema = object();
        ((ObjectNode) schema.get("properties")).set("id", string("Id, public id or URN (urn:prm:" + entity.module() + ":"
                + entity.path() + ":{id}) of the " + entity.label()));
        require(schema, "id");
        return schema;
    }

    /** A create (required fields required) or an update ({@code id} plus any writable field). */
    static ObjectNode write(ModuleDescriptor module, EntityDescriptor entity, Set<String> writable, boolean update) {
        ObjectNode schema = update ? byId(entity) : object();
        ObjectNode p = (ObjectNode) schema.get("properties");
        ObjectNode values = update ? object() : schema;
        ObjectNode target = update ? (ObjectNode) values.get("properties") : p;
        for (FieldDescriptor f : entity.fields()) {
            if (f.def().readOnly() || f.def().computed() || !writable.contains(f.name())) {
                continue;
            }
            target.set(f.name(), field(module, f.def()));
            if (!update && f.def().required() && f.def().defaultValue().isEmpty()) {
                require(schema, f.name());
            }
        }
        if (update) {
            values.put("description", "The fields to change; others keep their values");
            p.set("values", values);
            require(schema, "values");
        }
        return schema;
    }

    static ObjectNode field(ModuleDescriptor module, FieldDef def) {
        ObjectNode schema = typed(module, def.type());
        if (def.label() != null) {
            schema.put("description", def.label() + (def.description() == null ? "" : ": " + def.description()));
        }
        def.min().ifPresent(m -> schema.put("minimum", m));
        def.max().ifPresent(m -> schema.put("maximum", m));
        def.maxLength().ifPresent(m -> schema.put("maxLength", m));
        return schema;
    }

    private static ObjectNode typed(ModuleDescriptor module, FieldType type) {
        if (type instanceof FieldType.Money money) {
            ObjectNode schema = object();
            ObjectNode p = (ObjectNode) schema.get("properties");
            p.putObject("amount").put("type", "number");
            ObjectNode currency = p.putObject("currency").put("type", "string");
            if (!money.currencies().isEmpty()) {
                money.currencies().forEach(currency.putArray("enum")::add);
            }
            require(schema, "amount", "currency");
            return schema;
        }
        if (type instanceof FieldType.Dictionary d) {
            return codes(module, d.dictionary(), F.objectNode().put("type", "string"));
        }
        if (type instanceof FieldType.MultiDictionary d) {
            ObjectNode schema = F.objectNode().put("type", "array").put("uniqueItems", true);
            schema.set("items", codes(module, d.dictionary(), F.objectNode().put("type", "string")));
            return schema;
        }
        if (type instanceof FieldType.Reference r) {
            return string("URN (or id) of a " + r.target());
        }
        return switch (type.name()) {
            case "integer", "bigint" -> F.objectNode().put("type", "integer");
            case "decimal" -> F.objectNode().put("type", "number");
            case "boolean" -> F.objectNode().put("type", "boolean");
            case "date" -> F.objectNode().put("type", "string").put("format", "date");
            case "datetime" -> F.objectNode().put("type", "string").put("format", "date-time");
            case "json" -> F.objectNode();
            default -> F.objectNode().put("type", "string");
        };
    }

    private static ObjectNode codes(ModuleDescriptor module, String dictionary, ObjectNode schema) {
        ArrayNode values = schema.putArray("enum");
        module.dictionary(dictionary).ifPresent(d -> d.values().forEach(v -> values.add(v.code())));
        return schema;
    }
}
