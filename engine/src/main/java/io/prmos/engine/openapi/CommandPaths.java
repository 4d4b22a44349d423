package io.prmos.engine.openapi;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponses;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createOperation;
import static org.eclipse.microprofile.openapi.OASFactory.createParameter;
import static org.eclipse.microprofile.openapi.OASFactory.createPathItem;
import static org.eclipse.microprofile.openapi.OASFactory.createRequestBody;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;

import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.model.ActionDef;
import io.prmos.metadata.model.Transition;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The record commands of an entity for the OpenAPI document: one path per workflow transition and
 * per custom action the caller's roles allow (docs/rules.md, docs/hooks.md).
 */
final class CommandPaths {

    private CommandPaths() {
    }

    /** Path items by path, under {@code base} (the entity's collection path). */
    static Map<String, PathItem> of(EntityDescriptor e, String base, java.util.Set<String> roles) {
        Map<String, PathItem> out = new java.util.LinkedHashMap<>();
        e.def().workflow().ifPresent(w -> w.transitions().values().stream()
                .filter(t -> t.roles().isEmpty() || t.roles().stream().anyMatch(roles::contains))
                .forEach(t -> out.put(base + "/{id}/transitions/" + t.name(), transition(e, t))));
        e.def().actions().values().stream().filter(a -> a.roles().stream().anyMatch(roles::contains))
                .forEach(a -> out.put(base + "/{id}/actions/" + a.name(), action(e, a)));
        return out;
    }

    private static PathItem transition(EntityDescriptor e, Transition t) {
        String summary = t.label() + ": " + String.join(", ", t.from()) + " → " + t.to()
                + t.guardMessage().map(m -> " (" + m + ")").orElse("");
        Operation op = operation(e, "transition_" + t.name(), summary,
                responses(createSchema().ref(EntitySchemas.REF + EntitySchemas.recordName(e)), "The record in its new state"));
        return createPathItem().addParameter(id()).POST(op);
    }

    private static PathItem action(EntityDescriptor e, ActionDef a) {
        Operation op = operation(e, "action_" + a.name(), a.label(), responses(createSchema().addType(SchemaType.OBJECT)
                .addProperty("action", createSchema().addType(SchemaType.STRING))
                .addProperty("result", createSchema().addType(SchemaType.OBJECT)), "What the action returned"));
        op.requestBody(createRequestBody().required(true).description("Checked against the action's input schema in the manifest")
                .content(createContent().addMediaType("application/json", createMediaType().schema(createSchema().addType(SchemaType.OBJECT)))));
        return createPathItem().addParameter(id()).POST(op);
    }

    private static Operation operation(EntityDescriptor e, String verb, String summary, APIResponses responses) {
        return createOperation().operationId(e.module() + "_" + e.path() + "_" + verb).summary(summary)
                .tags(List.of(e.module())).responses(responses);
    }

    private static APIResponses responses(org.eclipse.microprofile.openapi.models.media.Schema success, String description) {
        APIResponses responses = createAPIResponses().addAPIResponse("200", createAPIResponse().description(description)
                .content(createContent().addMediaType("application/json", createMediaType().schema(success))));
        for (int status : new int[] {403, 404, 409, 422}) {
            responses.addAPIResponse(Integer.toString(status), createAPIResponse().description("Refused")
                    .content(createContent().addMediaType("application/problem+json",
                            createMediaType().schema(createSchema().ref(EntitySchemas.REF + "Problem")))));
        }
        return responses;
    }

    private static Parameter id() {
        return createParameter().name("id").in(Parameter.In.PATH).required(true)
                .schema(createSchema().addType(SchemaType.STRING).format("uuid"));
    }
}
