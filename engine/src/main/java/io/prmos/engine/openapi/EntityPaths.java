package io.prmos.engine.openapi;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponses;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createHeader;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createOperation;
import static org.eclipse.microprofile.openapi.OASFactory.createParameter;
import static org.eclipse.microprofile.openapi.OASFactory.createPathItem;
import static org.eclipse.microprofile.openapi.OASFactory.createRequestBody;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;

import io.prmos.metadata.catalog.EntityDescriptor;
import java.util.List;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/** The paths of one entity's generated endpoints, documented with parameters, bodies and problem responses. */
final class EntityPaths {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    private EntityPaths() {
    }

    static String collection(EntityDescriptor e) {
        return "/api/v1/" + e.module() + "/" + e.path();
    }

    static PathItem collectionItem(EntityDescriptor e, CallerView view) {
        PathItem item = createPathItem();
        if (view.operations().contains(io.prmos.engine.security.Operation.READ)) {
            item.GET(operation(e, "list", "List " + e.pluralLabel(), listParameters(), null,
                    responses(ok("A page of " + e.pluralLabel(), ref(EntitySchemas.pageName(e))), 400, 403)));
        }
        if (view.operations().contains(io.prmos.engine.security.Operation.CREATE)) {
            item.POST(operation(e, "create", "Create a " + e.label(), List.of(), body(e),
                    responses(withEtag(createResponse(e)), 400, 403, 409, 422)));
        }
        return item;
    }

    static PathItem recordItem(EntityDescriptor e, CallerView view) {
        Parameter ifMatch = header("If-Match", "The record's ETag; the write fails with 412 if the record changed since");
        PathItem item = createPathItem().addParameter(idParameter());
        if (view.operations().contains(io.prmos.engine.security.Operation.READ)) {
            item.GET(operation(e, "get", "Read a " + e.label(), List.of(), null, responses(recordOk(e), 404)));
        }
        if (view.operations().contains(io.prmos.engine.security.Operation.UPDATE)) {
            item.PATCH(operation(e, "patch", "Change some fields of a " + e.label(), List.of(ifMatch), body(e),
                    responses(recordOk(e), 400, 403, 404, 409, 412, 422)));
            item.PUT(operation(e, "replace", "Replace a " + e.label(), List.of(ifMatch), body(e),
                    responses(recordOk(e), 400, 403, 404, 409, 412, 422)));
        }
        if (view.operations().contains(io.prmos.engine.security.Operation.DELETE)) {
            item.DELETE(operation(e, "delete", "Delete a " + e.label() + " (it can be restored)", List.of(ifMatch), null,
                    responses(createAPIResponse().description("Deleted"), "204", 403, 404, 412)));
        }
        return item;
    }

    static PathItem restoreItem(EntityDescriptor e) {
        return createPathItem().addParameter(idParameter())
                .POST(operation(e, "restore", "Restore a deleted " + e.label(),
                        List.of(header("If-Match", "The deleted record's ETag")), null, responses(recordOk(e), 404, 409, 412)));
    }

    static PathItem bulkItem(EntityDescriptor e) {
        Schema operation = createSchema().addType(SchemaType.OBJECT)
                .addProperty("op", createSchema().addType(SchemaType.STRING).enumeration(List.of("create", "update")))
                .addProperty("id", createSchema().addType(SchemaType.STRING).format("uuid"))
                .addProperty("ifMatch", createSchema().addType(SchemaType.INTEGER).format("int64"))
                .addProperty("data", ref(EntitySchemas.inputName(e)))
                .required(List.of("op", "data"));
        Schema request = createSchema().addType(SchemaType.OBJECT).addProperty("operations",
                createSchema().addType(SchemaType.ARRAY).minItems(1).maxItems(1000).items(operation)).required(List.of("operations"));
        Schema result = createSchema().addType(SchemaType.OBJECT).addProperty("items",
                createSchema().addType(SchemaType.ARRAY).items(ref(EntitySchemas.recordName(e))));
        return createPathItem().POST(operation(e, "bulk", "Create or update up to 1,000 " + e.pluralLabel() + " at once, all or nothing",
                List.of(), createRequestBody().required(true).content(json(request)),
                responses(ok("The written records, in request order", result), 400, 404, 409, 412, 422)));
    }

    private static Operation operation(EntityDescriptor e, String verb, String summary, List<Parameter> parameters,
                                       org.eclipse.microprofile.openapi.models.parameters.RequestBody body, APIResponses responses) {
        Operation op = createOperation().operationId(e.module() + "_" + e.path() + "_" + verb).summary(summary)
                .tags(List.of(e.module())).responses(responses);
        parameters.forEach(op::addParameter);
        return body == null ? op : op.requestBody(body);
    }

    private static List<Parameter> listParameters() {
        return List.of(
                query("filter", "Filter expression, e.g. tier eq 'gold' and score gte 50 (see docs/query.md)", createSchema().addType(SchemaType.STRING)),
                query("sort", "Comma-separated sortable fields, '-' for descending, e.g. -score,name", createSchema().addType(SchemaType.STRING)),
                query("limit", "Page size", createSchema().addType(SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE)
                        .maximum(java.math.BigDecimal.valueOf(1000))),
                query("cursor", "nextCursor of the previous page", createSchema().addType(SchemaType.STRING)),
                query("fields", "Comma-separated fields to return", createSchema().addType(SchemaType.STRING)),
                query("total", "Also count matching records", createSchema().addType(SchemaType.STRING).enumeration(List.of("exact", "estimate"))));
    }

    private static Parameter query(String name, String description, Schema schema) {
        return createParameter().name(name).in(Parameter.In.QUERY).description(description).schema(schema);
    }

    private static Parameter header(String name, String description) {
        return createParameter().name(name).in(Parameter.In.HEADER).description(description)
                .schema(createSchema().addType(SchemaType.STRING));
    }

    private static Parameter idParameter() {
        return createParameter().name("id").in(Parameter.In.PATH).required(true)
                .schema(createSchema().addType(SchemaType.STRING).format("uuid"));
    }

    private static org.eclipse.microprofile.openapi.models.parameters.RequestBody body(EntityDescriptor e) {
        return createRequestBody().required(true).content(json(ref(EntitySchemas.inputName(e))));
    }

    private static APIResponse recordOk(EntityDescriptor e) {
        return withEtag(ok("The record", ref(EntitySchemas.recordName(e))));
    }

    private static APIResponse createResponse(EntityDescriptor e) {
        return createAPIResponse().description("Created").content(json(ref(EntitySchemas.recordName(e))))
                .addHeader("Location", createHeader().description("URL of the new record").schema(createSchema().addType(SchemaType.STRING)));
    }

    private static APIResponse withEtag(APIResponse response) {
        return response.addHeader("ETag", createHeader().description("The record's version").schema(createSchema().addType(SchemaType.STRING)));
    }

    private static APIResponse ok(String description, Schema schema) {
        return createAPIResponse().description(description).content(json(schema));
    }

    private static APIResponses responses(APIResponse success, int... problems) {
        return responses(success, success.getContent() == null ? "204" : success.getDescription().equals("Created") ? "201" : "200", problems);
    }

    private static APIResponses responses(APIResponse success, String code, int... problems) {
        APIResponses responses = createAPIResponses().addAPIResponse(code, success);
        for (int status : problems) {
            responses.addAPIResponse(Integer.toString(status), createAPIResponse().description(describe(status))
                    .content(createContent().addMediaType(PROBLEM, createMediaType().schema(ref("Problem")))));
        }
        return responses;
    }

    private static String describe(int status) {
        return switch (status) {
            case 400 -> "Invalid query, header or JSON";
            case 403 -> "Your roles do not allow this";
            case 404 -> "No such record";
            case 409 -> "A unique value is already taken";
            case 412 -> "The record changed since the given ETag";
            case 422 -> "Invalid field values, all listed";
            default -> "Error";
        };
    }

    private static Content json(Schema schema) {
        return createContent().addMediaType(JSON, createMediaType().schema(schema));
    }

    static Schema ref(String name) {
        return createSchema().ref(EntitySchemas.REF + name);
    }
}
