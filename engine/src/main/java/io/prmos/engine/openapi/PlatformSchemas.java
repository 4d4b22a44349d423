package io.prmos.engine.openapi;

import static io.prmos.engine.openapi.DocParts.array;
import static io.prmos.engine.openapi.DocParts.bool;
import static io.prmos.engine.openapi.DocParts.freeObject;
import static io.prmos.engine.openapi.DocParts.integer;
import static io.prmos.engine.openapi.DocParts.nullableString;
import static io.prmos.engine.openapi.DocParts.number;
import static io.prmos.engine.openapi.DocParts.object;
import static io.prmos.engine.openapi.DocParts.page;
import static io.prmos.engine.openapi.DocParts.ref;
import static io.prmos.engine.openapi.DocParts.string;
import static io.prmos.engine.openapi.DocParts.strings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The component schemas of the kernel's own endpoints (not of an entity): problems, money, events,
 * audit, registry, UI and admin bodies. {@link ReferencedSchemas} adds those a caller's paths refer
 * to, so a document holds no schema it never uses.
 */
final class PlatformSchemas {

    private static final Map<String, Supplier<Schema>> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("Problem", PlatformSchemas::problem);
        SCHEMAS.put("Money", () -> object().title("Money")
                .addProperty("amount", number())
                .addProperty("currency", string().pattern("^[A-Z]{3}$").description("ISO 4217 currency code"))
                .required(List.of("amount", "currency")));
        SCHEMAS.put("RecordRef", () -> object().description("A record another one points at, as the caller may see it")
                .addProperty("id", string("uuid")).addProperty("urn", string()).addProperty("found", bool())
                .addProperty("display", string()).addProperty("link", string().description("The record's API path"))
                .required(List.of("id", "urn", "found")));
        SCHEMAS.put("Link", () -> object().addProperty("id", string("uuid")).addProperty("type", string())
                .addProperty("from", string().description("URN")).addProperty("to", string().description("URN"))
                .addProperty("created_by", string()).addProperty("created_at", string("date-time"))
                .addProperty("direction", strings("outgoing", "incoming")).addProperty("label", string())
                .addProperty("other", ref("RecordRef")).addProperty("fromRecord", ref("RecordRef")).addProperty("toRecord", ref("RecordRef"))
                .required(List.of("id", "type", "from", "to")));
        SCHEMAS.put("RecordLinks", () -> object().addProperty("record", string().description("URN of the record"))
                .addProperty("items", array(ref("Link"))).required(List.of("record", "items")));
        SCHEMAS.put("HistoryPage", () -> page(object().addProperty("id", integer("int64")).addProperty("version", integer("int64"))
                .addProperty("operation", string().description("created, updated, deleted, restored, ..."))
                .addProperty("changedBy", string()).addProperty("changedByName", nullableString(null))
                .addProperty("changedAt", string("date-time")).addProperty("requestId", nullableString(null))
                .addProperty("changes", freeObject("Field name → {\"from\": old, \"to\": new}"))
                .required(List.of("id", "version", "operation", "changedAt", "changes")), true));
        SCHEMAS.put("ImportReport", RecordPaths::importReport);
        SCHEMAS.put("ActivityPage", () -> page(object().addProperty("id", integer("int64")).addProperty("occurredAt", string("date-time"))
                .addProperty("actor", string()).addProperty("actorName", nullableString(null)).addProperty("action", string())
                .addProperty("module", nullableString(null)).addProperty("entity", nullableString(null))
                .addProperty("recordId", nullableString("uuid")).addProperty("target", nullableString(null))
                .addProperty("summary", string()).addProperty("requestId", nullableString(null))
                .required(List.of("id", "occurredAt", "actor", "action", "summary")), true));
        SCHEMAS.put("RecycleBinPage", () -> page(object().addProperty("module", string()).addProperty("entity", string())
                .addProperty("id", string("uuid")).addProperty("urn", string()).addProperty("deletedAt", string("date-time"))
                .addProperty("deletedBy", nullableString(null)).addProperty("record", freeObject("The deleted record, as the caller may read it"))
                .required(List.of("module", "entity", "id", "urn", "deletedAt", "record")), false));
        SCHEMAS.put("SearchResults", () -> object().addProperty("q", string()).addProperty("groups", array(object()
                        .addProperty("type", string().description("module.Entity")).addProperty("label", string())
                        .addProperty("bestRank", number()).addProperty("capped", bool())
                        .addProperty("items", array(object().addProperty("id", string("uuid")).addProperty("urn", string())
                                .addProperty("display", string()).addProperty("link", string()).addProperty("rank", number())
                                .addProperty("snippet", string().description("Matching text, the matched words in <b>…</b>; other text is HTML-escaped"))
                                .required(List.of("id", "urn", "display", "link", "rank", "snippet"))))
                        .required(List.of("type", "label", "items"))))
                .required(List.of("q", "groups")));
        SCHEMAS.put("ResolveResults", () -> object().addProperty("items", array(object()
                        .addProperty("urn", string()).addProperty("found", bool()).addProperty("type", string())
                        .addProperty("display", string()).addProperty("link", string())
                        .addProperty("summary", freeObject("The entity's summary fields the caller may read"))
                        .required(List.of("urn", "found"))))
                .required(List.of("items")));
        SCHEMAS.put("Event", () -> object().addProperty("id", string("uuid")).addProperty("type", string())
                .addProperty("position", integer("int64")).addProperty("tenant", string()).addProperty("subject", string())
                .addProperty("sequence", integer("int64")).addProperty("actor", string()).addProperty("time", string("date-time"))
                .addProperty("data", freeObject("The record's fields the reader may see, or the custom event's payload"))
                .required(List.of("id", "type", "position", "time", "data")));
        SCHEMAS.put("EventPage", () -> object().addProperty("items", array(ref("Event")))
                .addProperty("next", integer("int64").description("Pass as after= to continue"))
                .required(List.of("items", "next")));
        SCHEMAS.put("EventAccepted", () -> object().addProperty("id", string("uuid")).addProperty("type", string())
                .required(List.of("id", "type")));
    }

    private PlatformSchemas() {
    }

    /** The kernel schema of that name, built afresh (the document is rebuilt per request). */
    static java.util.Optional<Schema> named(String name) {
        return java.util.Optional.ofNullable(SCHEMAS.get(name)).map(Supplier::get);
    }

    private static Schema problem() {
        Schema error = object()
                .addProperty("pointer", string().description("JSON pointer into the request body"))
                .addProperty("parameter", string().description("Query parameter at fault"))
                .addProperty("field", string())
                .addProperty("code", string())
                .addProperty("message", string());
        return object().title("Problem").description("RFC 9457 problem details")
                .addProperty("type", string("uri"))
                .addProperty("title", string())
                .addProperty("status", integer("int32"))
                .addProperty("detail", string())
                .addProperty("instance", string())
                .addProperty("errors", array(error))
                .required(List.of("type", "title", "status"));
    }
}
