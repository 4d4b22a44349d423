package io.prmos.engine.openapi;

import static io.prmos.engine.openapi.DocParts.array;
import static io.prmos.engine.openapi.DocParts.body;
import static io.prmos.engine.openapi.DocParts.bounded;
import static io.prmos.engine.openapi.DocParts.dryRun;
import static io.prmos.engine.openapi.DocParts.integer;
import static io.prmos.engine.openapi.DocParts.noContent;
import static io.prmos.engine.openapi.DocParts.object;
import static io.prmos.engine.openapi.DocParts.ok;
import static io.prmos.engine.openapi.DocParts.query;
import static io.prmos.engine.openapi.DocParts.ref;
import static io.prmos.engine.openapi.DocParts.responses;
import static io.prmos.engine.openapi.DocParts.string;
import static io.prmos.engine.openapi.DocParts.strings;
import static io.prmos.engine.openapi.EntityPaths.id;
import static io.prmos.engine.openapi.EntityPaths.operation;
import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createPathItem;

import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.metadata.catalog.EntityDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The paths of one entity beyond CRUD, as far as the entity has the feature and the caller the
 * permission: history (audit), the hierarchy walks, typed links, purge, CSV export and import.
 */
final class RecordPaths {

    private RecordPaths() {
    }

    static Map<String, PathItem> of(EntityDescriptor e, CallerView view, Caller caller) {
        String base = EntityPaths.collection(e);
        Map<String, PathItem> out = new LinkedHashMap<>();
        boolean read = view.operations().contains(Operation.READ);
        if (read && e.features().audit()) {
            out.put(base + "/{id}/history", history(e));
        }
        if (read && e.hierarchyField().isPresent()) {
            out.put(base + "/{id}/children", tree(e, "children", "The direct children", List.of(limit())));
            out.put(base + "/{id}/ancestors", tree(e, "ancestors", "The parent, its parent and so on up to the root", List.of()));
            out.put(base + "/{id}/subtree", tree(e, "subtree", "Every descendant down to depth levels, each with its depth",
                    List.of(query("depth", "Levels to walk", bounded(1, 20)), limit())));
        }
        if (read) {
            out.put(base + "/{id}/links", createPathItem().addParameter(id(e)).GET(operation(e, "links", "Links of a " + e.label(),
                    "The typed links (docs/registry.md) from and to the record whose other end the caller may read.")
                    .addParameter(query("type", "Only links of this type", string()))
                    .responses(responses("200", ok("The links", ref("RecordLinks")), 403, 404))));
            out.put(base + "/export", export(e));
        }
        if (caller.isAdmin() && e.features().softDelete()) {
            out.put(base + "/{id}/purge", createPathItem().addParameter(id(e)).DELETE(operation(e, "purge",
                    "Purge a deleted " + e.label(), "Tenant admins delete a record of the recycle bin for good, with its history.")
                    .responses(responses("204", noContent("Purged"), 403, 404, 409))));
        }
        if (view.operations().contains(Operation.CREATE)) {
            out.put(base + "/import", importItem(e));
        }
        return out;
    }

    private static PathItem history(EntityDescriptor e) {
        return createPathItem().addParameter(id(e)).GET(operation(e, "history", "History of a " + e.label(),
                "The record's changes, newest first; fields the caller cannot read are left out of every entry.")
                .addParameter(query("limit", "Entries per page", bounded(1, 500)))
                .addParameter(query("cursor", "nextCursor of the previous page", string()))
                .responses(responses("200", ok("A page of history entries", ref("HistoryPage")), 400, 403, 404)));
    }

    private static PathItem tree(EntityDescriptor e, String verb, String description, List<org.eclipse.microprofile.openapi.models.parameters.Parameter> params) {
        var op = operation(e, verb, description.split(",")[0] + " of a " + e.label(), description + ", that the caller may read.")
                .responses(responses("200", ok("The records", object()
                        .addProperty("hierarchy", string().description("The hierarchy field"))
                        .addProperty("items", array(ref(EntitySchemas.recordName(e))))
                        .required(List.of("hierarchy", "items"))), 400, 403, 404));
        params.forEach(op::addParameter);
        return createPathItem().addParameter(id(e)).GET(op);
    }

    private static org.eclipse.microprofile.openapi.models.parameters.Parameter limit() {
        return query("limit", "At most this many records", bounded(1, 1000));
    }

    private static PathItem export(EntityDescriptor e) {
        var op = operation(e, "export", "Export " + e.pluralLabel() + " as CSV", "The matching records as RFC 4180 CSV, "
                + "at most 50,000 rows, with the list endpoint's filter and sort (docs/ui.md).")
                .addParameter(query("filter", "Filter expression (docs/query.md)", string()))
                .addParameter(query("sort", "Sort keys", string()))
                .addParameter(query("fields", "The columns, in order", string()))
                .addParameter(query("header", "Column titles: field labels or names", strings("labels", "names")))
                .responses(responses("200", createAPIResponse().description("The CSV file")
                        .content(createContent().addMediaType("text/csv", createMediaType().schema(string()))), 400, 403));
        return createPathItem().GET(op);
    }

    private static PathItem importItem(EntityDescriptor e) {
        Schema request = object().addProperty("rows", array(ref(EntitySchemas.inputName(e))).maxItems(5000))
                .required(List.of("rows"));
        return createPathItem().POST(operation(e, "import", "Import " + e.pluralLabel(), "Creates records from rows shaped like "
                + "a create body, each validated like a create; valid rows are kept, failed ones reported.")
                .addParameter(dryRun("Check everything and roll back"))
                .requestBody(body(request, "The rows"))
                .responses(responses("200", ok("What was created and what failed", ref("ImportReport")), 400, 403, 422)));
    }

    static Schema importReport() {
        Schema error = object().addProperty("field", string()).addProperty("pointer", string()).addProperty("code", string())
                .addProperty("message", string());
        return object().addProperty("total", integer("int32")).addProperty("created", integer("int32"))
                .addProperty("dryRun", DocParts.bool())
                .addProperty("failed", array(object().addProperty("row", integer("int32").description("1-based index into rows"))
                        .addProperty("errors", array(error))))
                .required(List.of("total", "created", "dryRun", "failed"));
    }
}
