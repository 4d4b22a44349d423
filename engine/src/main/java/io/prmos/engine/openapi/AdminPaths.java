package io.prmos.engine.openapi;

import static io.prmos.engine.openapi.DocParts.array;
import static io.prmos.engine.openapi.DocParts.body;
import static io.prmos.engine.openapi.DocParts.bool;
import static io.prmos.engine.openapi.DocParts.bounded;
import static io.prmos.engine.openapi.DocParts.dryRun;
import static io.prmos.engine.openapi.DocParts.freeObject;
import static io.prmos.engine.openapi.DocParts.integer;
import static io.prmos.engine.openapi.DocParts.noContent;
import static io.prmos.engine.openapi.DocParts.nullableString;
import static io.prmos.engine.openapi.DocParts.object;
import static io.prmos.engine.openapi.DocParts.ok;
import static io.prmos.engine.openapi.DocParts.operation;
import static io.prmos.engine.openapi.DocParts.page;
import static io.prmos.engine.openapi.DocParts.path;
import static io.prmos.engine.openapi.DocParts.query;
import static io.prmos.engine.openapi.DocParts.responses;
import static io.prmos.engine.openapi.DocParts.string;
import static io.prmos.engine.openapi.DocParts.strings;
import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createPathItem;

import io.prmos.engine.security.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The admin endpoints under {@code /api/admin}: shown to tenant admins (webhooks, API keys, custom
 * fields, dictionaries, what is installed) and, for publishing, rolling back and purging modules,
 * to platform operators only (docs/adr/0070). Nobody else sees them.
 */
final class AdminPaths {

    static final String ADMIN = "admin";

    private AdminPaths() {
    }

    static Map<String, PathItem> of(Caller caller) {
        Map<String, PathItem> out = new LinkedHashMap<>();
        if (!caller.isAdmin() && !caller.isPlatformOperator()) {
            return out;
        }
        modules(out, caller.isPlatformOperator());
        if (caller.isAdmin()) {
            webhooks(out);
            apiKeys(out);
            overlays(out);
        }
        return out;
    }

    private static void modules(Map<String, PathItem> out, boolean operator) {
        Schema version = object().addProperty("module", string()).addProperty("version", string()).addProperty("status", string())
                .addProperty("installedAt", string("date-time")).addProperty("installedBy", nullableString(null))
                .addProperty("checksum", string()).addProperty("file", string()).required(List.of("module", "version", "status"));
        Schema outcome = object().addProperty("dryRun", bool()).addProperty("applied", bool())
                .addProperty("modules", array(object().addProperty("module", string()).addProperty("from", nullableString(null))
                        .addProperty("to", nullableString(null)).addProperty("classification", string())
                        .addProperty("changes", array(freeObject("One classified change")))
                        .addProperty("sql", array(string())).addProperty("warnings", array(string()))))
                .required(List.of("dryRun", "applied", "modules"));
        Schema name = string();
        PathItem modules = createPathItem().GET(operation("admin_modules_list", ADMIN, "Installed modules", "The active version of every module.")
                .responses(responses("200", ok("The modules", page(version, false)), 403)));
        if (operator) {
            modules.POST(operation("admin_modules_publish", ADMIN, "Publish modules", "Validates, classifies and plans the "
                    + "manifests' changes and applies them in one transaction (platform operators only).")
                    .addParameter(dryRun("Plan only"))
                    .requestBody(body(object().addProperty("modules", array(object().addProperty("file", string())
                            .addProperty("source", string().description("The manifest text")).required(List.of("file", "source"))).minItems(1))
                            .required(List.of("modules")), "The manifests"))
                    .responses(responses("200", ok("What was (or would be) done", outcome), 403, 409, 422)));
            out.put("/api/admin/modules/{name}/rollback", createPathItem().addParameter(path("name", "Module name", name))
                    .POST(operation("admin_modules_rollback", ADMIN, "Roll a module back", "Re-activates the previous version.")
                            .addParameter(dryRun("Plan only")).responses(responses("200", ok("The outcome", outcome), 403, 404, 409))));
            out.put("/api/admin/modules/{name}/purge", createPathItem().addParameter(path("name", "Module name", name))
                    .POST(operation("admin_modules_purge", ADMIN, "Purge archived data", "Deletes archived columns and tables of removed "
                            + "fields and entities; a dry run lists the SQL.").addParameter(dryRun("List only"))
                            .responses(responses("200", ok("The SQL", object().addProperty("dryRun", bool()).addProperty("applied", bool())
                                    .addProperty("sql", array(string())).required(List.of("dryRun", "applied", "sql"))), 403, 404))));
        }
        out.put("/api/admin/modules", modules);
        out.put("/api/admin/modules/{name}/dependents", createPathItem().addParameter(path("name", "Module name", name))
                .GET(operation("admin_modules_dependents", ADMIN, "Dependent modules", "Which modules reference this module's entities.")
                        .responses(responses("200", ok("The dependents", freeObject("Dependents by module")), 403, 404))));
        out.put("/api/admin/modules/{name}/history", createPathItem().addParameter(path("name", "Module name", name))
                .GET(operation("admin_modules_history", ADMIN, "Versions of a module", "Every published version, newest first.")
                        .responses(responses("200", ok("The versions", page(version, false)), 403, 404))));
        out.put("/api/admin/modules/{name}/manifest", createPathItem().addParameter(path("name", "Module name", name))
                .GET(operation("admin_modules_manifest", ADMIN, "A published manifest", "The manifest text as published.")
                        .addParameter(query("version", "A version other than the active one", string()))
                        .responses(responses("200", createAPIResponse().description("The manifest")
                                .content(createContent().addMediaType("application/yaml", createMediaType().schema(string()))), 403, 404))));
    }

    private static void webhooks(Map<String, PathItem> out) {
        Schema hook = object().addProperty("id", string("uuid")).addProperty("name", string()).addProperty("events", string())
                .addProperty("url", string("uri")).addProperty("active", bool()).addProperty("source", string())
                .addProperty("createdAt", string("date-time")).addProperty("createdBy", nullableString(null))
                .addProperty("secret", string().description("Only in the answer to a create"))
                .required(List.of("id", "name", "events", "url", "active"));
        Schema input = object().addProperty("name", string()).addProperty("events", string().description("Event pattern, e.g. deals.*"))
                .addProperty("url", string("uri")).addProperty("active", bool()).required(List.of("name", "events", "url"));
        Schema delivery = object().addProperty("id", integer("int64")).addProperty("eventId", string("uuid")).addProperty("type", string())
                .addProperty("position", integer("int64")).addProperty("subject", nullableString(null))
                .addProperty("status", strings("pending", "delivered", "failed")).addProperty("attempts", integer("int32"))
                .addProperty("nextAttemptAt", nullableString("date-time")).addProperty("lastStatus", integer("int32").addType(Schema.SchemaType.NULL))
                .addProperty("lastError", nullableString(null)).addProperty("createdAt", string("date-time"))
                .addProperty("deliveredAt", nullableString("date-time")).required(List.of("id", "eventId", "type", "status"));
        var id = path("id", "The webhook's id", string("uuid"));
        out.put("/api/admin/webhooks", createPathItem()
                .GET(operation("admin_webhooks_list", ADMIN, "Webhooks", "The tenant's webhooks.").responses(responses("200", ok("The webhooks", page(hook, false)), 403)))
                .POST(operation("admin_webhooks_create", ADMIN, "Add a webhook", "The answer carries the signing secret, once.")
                        .requestBody(body(input, "The webhook")).responses(responses("201", ok("Created", hook), 403, 422))));
        out.put("/api/admin/webhooks/{id}", createPathItem().addParameter(id)
                .GET(operation("admin_webhooks_get", ADMIN, "A webhook", "One webhook.").responses(responses("200", ok("The webhook", hook), 403, 404)))
                .PUT(operation("admin_webhooks_replace", ADMIN, "Change a webhook", "Replaces name, events, url and active.")
                        .requestBody(body(input, "The webhook")).responses(responses("200", ok("The webhook", hook), 403, 404, 422)))
                .DELETE(operation("admin_webhooks_delete", ADMIN, "Delete a webhook", "Deletes the webhook and its deliveries.")
                        .responses(responses("204", noContent("Deleted"), 403, 404))));
        out.put("/api/admin/webhooks/{id}/deliveries", createPathItem().addParameter(id)
                .GET(operation("admin_webhooks_deliveries", ADMIN, "Deliveries of a webhook", "Newest first.")
                        .addParameter(query("status", "Only deliveries in this state", strings("pending", "delivered", "failed")))
                        .addParameter(query("limit", "At most this many", bounded(1, 500)))
                        .responses(responses("200", ok("The deliveries", page(delivery, false)), 400, 403, 404))));
        out.put("/api/admin/webhooks/{id}/deliveries/{delivery}/redeliver", createPathItem().addParameter(id)
                .addParameter(path("delivery", "The delivery's id", integer("int64")))
                .POST(operation("admin_webhooks_redeliver", ADMIN, "Send a delivery again", "Queues the delivery for another attempt.")
                        .responses(responses("202", ok("Queued", object().addProperty("id", integer("int64")).addProperty("status", string())), 403, 404))));
    }

    private static void apiKeys(Map<String, PathItem> out) {
        Schema key = object().addProperty("id", string("uuid")).addProperty("name", string()).addProperty("tenant", string())
                .addProperty("roles", array(string())).addProperty("createdAt", string("date-time")).addProperty("createdBy", nullableString(null))
                .addProperty("revokedAt", nullableString("date-time"))
                .addProperty("key", string().description("Only in the answer to a create: send as Authorization: ApiKey <key>"))
                .required(List.of("id", "name", "tenant"));
        out.put("/api/admin/api-keys", createPathItem()
                .GET(operation("admin_api_keys_list", ADMIN, "API keys", "The tenant's API keys (never their secrets).")
                        .responses(responses("200", ok("The keys", page(key, false)), 403)))
                .POST(operation("admin_api_keys_create", ADMIN, "Create an API key", "The answer carries the key, once; its roles "
                        + "are bounded by the creator's.").requestBody(body(object().addProperty("name", string())
                                .addProperty("roles", array(string())).required(List.of("name")), "The key"))
                        .responses(responses("201", ok("Created", key), 403, 422))));
        out.put("/api/admin/api-keys/{id}", createPathItem().addParameter(path("id", "The key's id", string("uuid")))
                .DELETE(operation("admin_api_keys_revoke", ADMIN, "Revoke an API key", "The key stops working at once.")
                        .responses(responses("204", noContent("Revoked"), 403, 404))));
    }

    private static void overlays(Map<String, PathItem> out) {
        Schema field = object().addProperty("entity", string()).addProperty("name", string())
                .addProperty("field", freeObject("The field definition, as in a manifest")).addProperty("access", freeObject("Roles that read and write it"))
                .required(List.of("entity", "name", "field"));
        out.put("/api/admin/custom-fields", createPathItem()
                .GET(operation("admin_custom_fields_list", ADMIN, "Custom fields", "The tenant's custom fields.")
                        .responses(responses("200", ok("The fields", page(field, false)), 403)))
                .POST(operation("admin_custom_fields_add", ADMIN, "Add a custom field", "Adds a field to an entity for this tenant (docs/custom-fields.md).")
                        .addParameter(dryRun("Check only")).requestBody(body(freeObject("entity, name, field and access"), "The field"))
                        .responses(responses("201", ok("Added", freeObject("The field and what was done")), 403, 404, 409, 422))));
        var entity = path("entity", "module.Entity");
        var name = path("name", "The field's name");
        out.put("/api/admin/custom-fields/{entity}/{name}", createPathItem().addParameter(entity).addParameter(name)
                .PATCH(operation("admin_custom_fields_change", ADMIN, "Change a custom field", "Label, access and the like.")
                        .requestBody(body(freeObject("The changes"), "The changes")).responses(responses("200", ok("The field", field), 403, 404, 422)))
                .DELETE(operation("admin_custom_fields_remove", ADMIN, "Remove a custom field", "Removes the field and its values.")
                        .addParameter(dryRun("Count the values that would go"))
                        .responses(responses("200", ok("What was removed", freeObject("The field and counts")), 403, 404))));
        Schema values = object().addProperty("dictionary", string()).addProperty("items", array(object().addProperty("code", string())
                .addProperty("label", string()).addProperty("active", bool()).addProperty("origin", strings("module", "tenant"))
                .required(List.of("code", "label", "active", "origin")))).required(List.of("dictionary", "items"));
        var dictionary = path("dictionary", "module.dictionary");
        out.put("/api/admin/dictionaries/{dictionary}/values", createPathItem().addParameter(dictionary)
                .GET(operation("admin_dictionary_values", ADMIN, "Dictionary values", "The values as this tenant sees them.")
                        .responses(responses("200", ok("The values", values), 403, 404)))
                .POST(operation("admin_dictionary_add", ADMIN, "Add a dictionary value", "Only extensible dictionaries take values.")
                        .requestBody(body(object().addProperty("code", string()).addProperty("label", string()).required(List.of("code", "label")), "The value"))
                        .responses(responses("201", ok("The values", values), 403, 404, 409, 422)))
                .PUT(operation("admin_dictionary_reorder", ADMIN, "Reorder dictionary values", "Sets the order of the values.")
                        .requestBody(body(object().addProperty("order", array(string())).required(List.of("order")), "The codes in order"))
                        .responses(responses("200", ok("The values", values), 403, 404, 422))));
        out.put("/api/admin/dictionaries/{dictionary}/values/{code}", createPathItem().addParameter(dictionary).addParameter(path("code", "The value's code"))
                .PATCH(operation("admin_dictionary_change", ADMIN, "Change a dictionary value", "Label or active.")
                        .requestBody(body(object().addProperty("label", string()).addProperty("active", bool()), "The changes"))
                        .responses(responses("200", ok("The values", values), 403, 404, 422)))
                .DELETE(operation("admin_dictionary_delete", ADMIN, "Delete a dictionary value", "Only values the tenant added, and unused.")
                        .responses(responses("204", noContent("Deleted"), 403, 404, 409))));
    }
}
