package io.prmos.engine.openapi;

import static io.prmos.engine.openapi.DocParts.array;
import static io.prmos.engine.openapi.DocParts.body;
import static io.prmos.engine.openapi.DocParts.bounded;
import static io.prmos.engine.openapi.DocParts.header;
import static io.prmos.engine.openapi.DocParts.integer;
import static io.prmos.engine.openapi.DocParts.noContent;
import static io.prmos.engine.openapi.DocParts.object;
import static io.prmos.engine.openapi.DocParts.ok;
import static io.prmos.engine.openapi.DocParts.operation;
import static io.prmos.engine.openapi.DocParts.path;
import static io.prmos.engine.openapi.DocParts.query;
import static io.prmos.engine.openapi.DocParts.ref;
import static io.prmos.engine.openapi.DocParts.requiredQuery;
import static io.prmos.engine.openapi.DocParts.responses;
import static io.prmos.engine.openapi.DocParts.string;
import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createPathItem;

import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.ModuleDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * The kernel's endpoints that are not about one entity, for a signed-in caller: the event log
 * (replay, live stream, the custom events their roles may emit), activity, recycle bin, full-text
 * search, URN resolution and typed links. Every one filters its answer by the caller's permissions.
 */
final class PlatformPaths {

    static final String EVENTS = "events";
    static final String AUDIT = "audit";
    static final String REGISTRY = "registry";

    private PlatformPaths() {
    }

    static Map<String, PathItem> of(Catalog catalog, Caller caller) {
        Map<String, PathItem> out = new LinkedHashMap<>();
        out.put("/api/v1/events", createPathItem().GET(operation("events_replay", EVENTS, "Replay events",
                        "Events after a position, oldest first, as the caller may see them (record events need read permission "
                                + "on the record; fields they cannot see are removed).")
                .addParameter(query("after", "Position to continue after (the previous page's next)", integer("int64")))
                .addParameter(query("limit", "Events per page", bounded(1, 1000)))
                .addParameter(query("types", "Comma-separated event types, * as a suffix wildcard, e.g. deals.Deal*", string()))
                .responses(responses("200", ok("A page of events", ref("EventPage")), 400))));
        out.put("/api/v1/events/stream", createPathItem().GET(operation("events_stream", EVENTS, "Stream events live",
                        "Server-sent events: one SSE event per domain event (id = position, data = the event as JSON), with "
                                + "heartbeats; reconnect with Last-Event-ID to resume without gaps.")
                .addParameter(header("Last-Event-ID", "Resume after this position"))
                .addParameter(query("after", "Start after this position (default: now)", integer("int64")))
                .addParameter(query("types", "Comma-separated event types, * as a suffix wildcard", string()))
                .responses(responses("200", createAPIResponse().description("The event stream")
                        .content(createContent().addMediaType("text/event-stream", createMediaType().schema(string()))), 400))));
        for (ModuleDescriptor module : catalog.modules()) {
            module.manifest().events().publishes().values().stream()
                    .filter(p -> p.emit().stream().anyMatch(caller.roles()::contains))
                    .forEach(p -> out.put("/api/v1/events/" + module.name() + "." + p.name(), createPathItem().POST(
                            operation("events_emit_" + module.name() + "_" + p.name(), EVENTS, "Emit " + module.name() + "." + p.name(),
                                    (p.description() == null ? "A custom event." : p.description())
                                            + " The payload is checked against the event's schema; records it names must be readable.")
                                    .requestBody(body(JsonSchemas.toSchema(p.schema()), "The event's payload"))
                                    .responses(responses("202", ok("Accepted into the event log", ref("EventAccepted")), 400, 403, 404, 422)))));
        }
        out.put("/api/v1/activity", createPathItem().GET(operation("activity_list", AUDIT, "Activity feed",
                        "What happened in the tenant, newest first: admins see every entry, others the entries about records "
                                + "they may read now.")
                .addParameter(query("actor", "Only this user's actions (token subject)", string()))
                .addParameter(query("action", "Only this action, e.g. created", string()))
                .addParameter(query("entity", "Only this entity, module.Entity", string()))
                .addParameter(query("after", "Only entries after this instant", string("date-time")))
                .addParameter(query("limit", "Entries per page", bounded(1, 500)))
                .addParameter(query("cursor", "nextCursor of the previous page", string()))
                .responses(responses("200", ok("A page of activity", ref("ActivityPage")), 400))));
        out.put("/api/v1/recycle-bin", createPathItem().GET(operation("recycle_bin_list", AUDIT, "Recycle bin",
                        "Deleted records the caller may read, across entities with soft delete, most recently deleted first.")
                .addParameter(query("entity", "Only this entity, module.Entity", string()))
                .addParameter(query("limit", "At most this many", bounded(1, 500)))
                .responses(responses("200", ok("Deleted records", ref("RecycleBinPage")), 400))));
        out.put("/api/v1/search", createPathItem().GET(operation("search", REGISTRY, "Full-text search",
                        "Ranked matches across every entity with searchable fields the caller may read, grouped by entity, "
                                + "with highlighted snippets; the last word is a prefix (type-ahead).")
                .addParameter(requiredQuery("q", "Words to find", string().minLength(1)))
                .addParameter(query("limit", "Matches per entity", bounded(1, 50)))
                .responses(responses("200", ok("Matches by entity", ref("SearchResults")), 400))));
        out.put("/api/v1/resolve", createPathItem().POST(operation("resolve", REGISTRY, "Resolve URNs",
                        "URNs to type, display name, link and summary; what the caller cannot read answers found: false.")
                .requestBody(body(object().addProperty("urns", array(string()).minItems(1).maxItems(500)).required(List.of("urns")),
                        "Up to 500 URNs"))
                .responses(responses("200", ok("One item per URN, in order", ref("ResolveResults")), 400))));
        out.put("/api/v1/links", createPathItem()
                .GET(operation("links_list", REGISTRY, "Links of a record", "Typed links from and to a record, as the caller may see them.")
                        .addParameter(requiredQuery("urn", "The record's URN", string()))
                        .addParameter(query("type", "Only links of this type", string()))
                        .responses(responses("200", ok("The links", ref("RecordLinks")), 400, 404)))
                .POST(operation("links_create", REGISTRY, "Link two records", "Creates a typed link declared by a module; the "
                        + "caller needs update permission on the from record and read permission on the to record.")
                        .requestBody(body(object().addProperty("type", string()).addProperty("from", string().description("URN"))
                                .addProperty("to", string().description("URN")).required(List.of("type", "from", "to")), "The link"))
                        .responses(responses("201", ok("Created", ref("Link")), 400, 403, 404, 409, 422))));
        out.put("/api/v1/links/{id}", createPathItem().addParameter(path("id", "The link's id", string("uuid")))
                .DELETE(operation("links_delete", REGISTRY, "Unlink", "Deletes a link the caller may change.")
                        .responses(responses("204", noContent("Deleted"), 403, 404))));
        return out;
    }
}
