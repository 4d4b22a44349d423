package io.prmos.engine.openapi;

import static io.prmos.engine.openapi.DocParts.body;
import static io.prmos.engine.openapi.DocParts.header;
import static io.prmos.engine.openapi.DocParts.integer;
import static io.prmos.engine.openapi.DocParts.noContent;
import static io.prmos.engine.openapi.DocParts.object;
import static io.prmos.engine.openapi.DocParts.ok;
import static io.prmos.engine.openapi.DocParts.query;
import static io.prmos.engine.openapi.DocParts.ref;
import static io.prmos.engine.openapi.DocParts.responses;
import static io.prmos.engine.openapi.DocParts.string;
import static io.prmos.engine.openapi.DocParts.strings;
import static io.prmos.engine.openapi.DocParts.withHeader;
import static org.eclipse.microprofile.openapi.OASFactory.createPathItem;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;

import io.prmos.engine.security.Operation;
import io.prmos.metadata.catalog.EntityDescriptor;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** The CRUD paths of one entity's generated endpoints, documented with parameters, bodies and problem responses. */
final class EntityPaths {

    private EntityPaths() {
    }

    static String collection(EntityDescriptor e) {
        return "/api/v1/" + e.module() + "/" + e.path();
    }

    static String operationId(EntityDescriptor e, String verb) {
        return e.module() + "_" + e.path() + "_" + verb;
    }

    static org.eclipse.microprofile.openapi.models.Operation operation(EntityDescriptor e, String verb, String summary, String description) {
        return DocParts.operation(operationId(e, verb), e.module(), summary, description);
    }

    /** The {@code {id}} of a record: its uuid, or its public id when the entity has them. */
    static Parameter id(EntityDescriptor e) {
        String also = e.options().publicId().map(p -> " or its public id (" + p.prefix() + "-…)").orElse("");
        return DocParts.path("id", "The record's id (uuid)" + also, string());
    }

    static PathItem collectionItem(EntityDescriptor e, CallerView view) {
        PathItem item = createPathItem();
        if (view.operations().contains(Operation.READ)) {
            var op = operation(e, "list", "List " + e.pluralLabel(), "A page of " + e.pluralLabel()
                    + " the caller may read, filtered, sorted and projected by the list query language (docs/query.md); "
                    + "pages are keyset-paginated with cursor.")
                    .responses(responses("200", ok("A page of " + e.pluralLabel(), ref(EntitySchemas.pageName(e))), 400, 403));
            listParameters(e).forEach(op::addParameter);
            item.GET(op);
        }
        if (view.operations().contains(Operation.CREATE)) {
            item.POST(operation(e, "create", "Create a " + e.label(), "Validates every field (all problems at once, 422) and "
                    + "answers the stored record with its ETag and Location.")
                    .requestBody(body(ref(EntitySchemas.inputName(e)), "The new record's fields"))
                    .responses(responses("201", withHeader(etag(ok("Created", ref(EntitySchemas.recordName(e)))), "Location",
                            "URL of the new record"), 400, 403, 409, 422)));
        }
        return item;
    }

    static PathItem recordItem(EntityDescriptor e, CallerView view) {
        Parameter ifMatch = header("If-Match", "The record's ETag; the write fails with 412 if the record changed since");
        PathItem item = createPathItem().addParameter(id(e));
        if (view.operations().contains(Operation.READ)) {
            item.GET(operation(e, "get", "Read a " + e.label(), "One record with the fields the caller may read; 404 when "
                    + "it does not exist or the caller may not read it.")
                    .addParameter(expand(e)).responses(responses("200", recordOk(e), 400, 404)));
        }
        if (view.operations().contains(Operation.UPDATE)) {
            item.PATCH(operation(e, "patch", "Change some fields of a " + e.label(), "A JSON merge patch: only the fields "
                    + "sent change. Send If-Match with the ETag you read to be told (412) when someone changed the record since.")
                    .addParameter(ifMatch).requestBody(body(ref(EntitySchemas.patchName(e)), "The fields to change"))
                    .responses(responses("200", recordOk(e), 400, 403, 404, 409, 412, 422, 428)));
            item.PUT(operation(e, "replace", "Replace a " + e.label(), "Replaces every writable field: fields left out "
                    + "become null or their default.")
                    .addParameter(ifMatch).requestBody(body(ref(EntitySchemas.inputName(e)), "All writable fields"))
                    .responses(responses("200", recordOk(e), 400, 403, 404, 409, 412, 422, 428)));
        }
        if (view.operations().contains(Operation.DELETE)) {
            String what = e.features().softDelete() ? " (it goes to the recycle bin and can be restored)" : " (for good)";
            item.DELETE(operation(e, "delete", "Delete a " + e.label(), "Deletes the record" + what + ".")
                    .addParameter(ifMatch).responses(responses("204", noContent("Deleted"), 403, 404, 409, 412, 428)));
        }
        return item;
    }

    static PathItem restoreItem(EntityDescriptor e) {
        return createPathItem().addParameter(id(e)).POST(operation(e, "restore", "Restore a deleted " + e.label(),
                "Takes the record out of the recycle bin.").addParameter(header("If-Match", "The deleted record's ETag"))
                .responses(responses("200", recordOk(e), 403, 404, 409, 412)));
    }

    static PathItem bulkItem(EntityDescriptor e) {
        Schema operation = object()
                .addProperty("op", strings("create", "update"))
                .addProperty("id", string().description("The record to update (uuid or public id); only with op update"))
                .addProperty("ifMatch", integer("int64").description("The version the update expects"))
                .addProperty("data", ref(EntitySchemas.patchName(e)).description("The fields; on create the required ones too"))
                .required(List.of("op", "data"));
        Schema request = object().addProperty("operations",
                createSchema().addType(SchemaType.ARRAY).minItems(1).maxItems(1000).items(operation)).required(List.of("operations"));
        Schema result = object().addProperty("items", createSchema().addType(SchemaType.ARRAY).items(ref(EntitySchemas.recordName(e))))
                .required(List.of("items"));
        return createPathItem().POST(operation(e, "bulk", "Create or update up to 1,000 " + e.pluralLabel() + " at once",
                "All or nothing: one invalid operation refuses the whole request, with pointers into operations.")
                .requestBody(body(request, "The operations, applied in order"))
                .responses(responses("200", ok("The written records, in request order", result), 400, 403, 404, 409, 412, 422)));
    }

    private static APIResponse recordOk(EntityDescriptor e) {
        return etag(ok("The record", ref(EntitySchemas.recordName(e))));
    }

    private static APIResponse etag(APIResponse response) {
        return withHeader(response, "ETag", "The record's version, for If-Match");
    }

    static Parameter expand(EntityDescriptor e) {
        return query("expand", "Comma-separated reference fields to replace by the record they point at, e.g. expand=partner",
                string());
    }

    static List<Parameter> listParameters(EntityDescriptor e) {
        List<Parameter> out = new java.util.ArrayList<>(List.of(
                query("filter", "Filter expression, e.g. tier eq 'gold' and score gte 50 (see docs/query.md)", string()),
                query("sort", "Comma-separated sortable fields, '-' for descending, e.g. -score,name", string()),
                query("limit", "Page size", integer("int32").minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(1000))),
                query("cursor", "nextCursor of the previous page", string()),
                query("fields", "Comma-separated fields to return, e.g. id,urn,public_id,name", string()),
                query("total", "Also count matching records", strings("exact", "estimate")),
                expand(e)));
        if (e.features().softDelete()) {
            out.add(query("deleted", "Records of the recycle bin: left out (exclude, the default), included, or only them",
                    strings("exclude", "include", "only")));
        }
        return out;
    }
}
