package io.prmos.engine.openapi;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponses;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createHeader;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createOperation;
import static org.eclipse.microprofile.openapi.OASFactory.createParameter;
import static org.eclipse.microprofile.openapi.OASFactory.createRequestBody;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The small pieces every documented endpoint is made of — schemas by type, parameters, JSON bodies
 * and problem responses — so each path class reads as a list of endpoints rather than model plumbing.
 */
final class DocParts {

    static final String REF = "#/components/schemas/";
    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";

    private DocParts() {
    }

    /** An operation: every one has an id, one tag, a summary and a description (Spectral's spectral:oas wants them). */
    static Operation operation(String id, String tag, String summary, String description) {
        return createOperation().operationId(id).tags(List.of(tag)).summary(summary).description(description);
    }

    static Schema ref(String name) {
        return createSchema().ref(REF + name);
    }

    static Schema string() {
        return createSchema().addType(SchemaType.STRING);
    }

    static Schema string(String format) {
        return string().format(format);
    }

    static Schema nullableString(String format) {
        Schema s = string().addType(SchemaType.NULL);
        return format == null ? s : s.format(format);
    }

    static Schema integer(String format) {
        return createSchema().addType(SchemaType.INTEGER).format(format);
    }

    static Schema bounded(int min, int max) {
        return integer("int32").minimum(BigDecimal.valueOf(min)).maximum(BigDecimal.valueOf(max));
    }

    static Schema number() {
        return createSchema().addType(SchemaType.NUMBER);
    }

    static Schema bool() {
        return createSchema().addType(SchemaType.BOOLEAN);
    }

    static Schema object() {
        return createSchema().addType(SchemaType.OBJECT);
    }

    /** An object whose keys are not known in advance (a record summary, a manifest's custom data). */
    static Schema freeObject(String description) {
        return object().additionalPropertiesBoolean(true).description(description);
    }

    static Schema array(Schema items) {
        return createSchema().addType(SchemaType.ARRAY).items(items);
    }

    static Schema strings(String... values) {
        return string().enumeration(Arrays.asList((Object[]) values));
    }

    /** {@code {"items": [item...]}} with an optional {@code nextCursor}. */
    static Schema page(Schema item, boolean cursor) {
        Schema s = object().addProperty("items", array(item));
        if (cursor) {
            s.addProperty("nextCursor", nullableString(null).description("Pass as cursor= to read the next page; null on the last page"));
            return s.required(List.of("items", "nextCursor"));
        }
        return s.required(List.of("items"));
    }

    static Parameter query(String name, String description, Schema schema) {
        return createParameter().name(name).in(Parameter.In.QUERY).description(description).schema(schema);
    }

    static Parameter requiredQuery(String name, String description, Schema schema) {
        return query(name, description, schema).required(true);
    }

    static Parameter path(String name, String description) {
        return path(name, description, string());
    }

    static Parameter path(String name, String description, Schema schema) {
        return createParameter().name(name).in(Parameter.In.PATH).required(true).description(description).schema(schema);
    }

    static Parameter header(String name, String description) {
        return createParameter().name(name).in(Parameter.In.HEADER).description(description).schema(string());
    }

    static Parameter dryRun(String description) {
        return query("dryRun", description, bool());
    }

    static RequestBody body(Schema schema, String description) {
        return createRequestBody().required(true).description(description).content(json(schema));
    }

    static Content json(Schema schema) {
        return createContent().addMediaType(JSON, createMediaType().schema(schema));
    }

    static APIResponse ok(String description, Schema schema) {
        return createAPIResponse().description(description).content(json(schema));
    }

    static APIResponse noContent(String description) {
        return createAPIResponse().description(description);
    }

    static APIResponse withHeader(APIResponse response, String name, String description) {
        return response.addHeader(name, createHeader().description(description).schema(string()));
    }

    /** The success response under {@code code}, then one problem+json response per status. */
    static APIResponses responses(String code, APIResponse success, int... problems) {
        APIResponses responses = createAPIResponses().addAPIResponse(code, success);
        for (int status : problems) {
            responses.addAPIResponse(Integer.toString(status), problem(describe(status)));
        }
        return responses;
    }

    static APIResponse problem(String description) {
        return createAPIResponse().description(description).content(createContent().addMediaType(PROBLEM,
                createMediaType().schema(ref("Problem"))));
    }

    private static String describe(int status) {
        return switch (status) {
            case 400 -> "Invalid query, header or JSON";
            case 401 -> "Not signed in";
            case 403 -> "Your roles do not allow this";
            case 404 -> "Not found, or not readable by you";
            case 409 -> "Conflicts with the current state (a unique value taken, a record still referenced)";
            case 412 -> "The record changed since the given ETag";
            case 422 -> "Invalid values, all listed with JSON pointers";
            case 428 -> "An If-Match header is required";
            case 503 -> "Not available: a setting is missing (named in the detail)";
            default -> "Refused";
        };
    }
}
