package io.prmos.engine.openapi;

import static io.prmos.engine.openapi.DocParts.body;
import static io.prmos.engine.openapi.DocParts.freeObject;
import static io.prmos.engine.openapi.DocParts.object;
import static io.prmos.engine.openapi.DocParts.ok;
import static io.prmos.engine.openapi.DocParts.ref;
import static io.prmos.engine.openapi.DocParts.responses;
import static io.prmos.engine.openapi.DocParts.string;
import static org.eclipse.microprofile.openapi.OASFactory.createPathItem;

import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.model.ActionDef;
import io.prmos.metadata.model.Transition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The record commands of an entity for the OpenAPI document: one path per workflow transition and
 * per custom action the caller's roles allow (docs/rules.md, docs/hooks.md).
 */
final class CommandPaths {

    private CommandPaths() {
    }

    /** Path items by path, under {@code base} (the entity's collection path). */
    static Map<String, PathItem> of(EntityDescriptor e, String base, Set<String> roles) {
        Map<String, PathItem> out = new LinkedHashMap<>();
        e.def().workflow().ifPresent(w -> w.transitions().values().stream()
                .filter(t -> t.roles().isEmpty() || t.roles().stream().anyMatch(roles::contains))
                .forEach(t -> out.put(base + "/{id}/transitions/" + t.name(), transition(e, t))));
        e.def().actions().values().stream().filter(a -> a.roles().stream().anyMatch(roles::contains))
                .forEach(a -> out.put(base + "/{id}/actions/" + a.name(), action(e, a)));
        return out;
    }

    private static PathItem transition(EntityDescriptor e, Transition t) {
        String description = t.label() + ": from " + String.join(", ", t.from()) + " to " + t.to() + "."
                + t.guardMessage().map(m -> " Guarded: " + m + ".").orElse("");
        return createPathItem().addParameter(EntityPaths.id(e)).POST(EntityPaths.operation(e, "transition_" + t.name(), t.label(), description)
                .responses(responses("200", ok("The record in its new state", ref(EntitySchemas.recordName(e))), 403, 404, 409, 422)));
    }

    private static PathItem action(EntityDescriptor e, ActionDef a) {
        Schema input = a.input().map(JsonSchemas::toSchema).orElse(freeObject("The action takes no declared input"));
        Schema result = object().addProperty("action", string()).addProperty("result", freeObject("What the action's hook returned"))
                .required(List.of("action", "result"));
        return createPathItem().addParameter(EntityPaths.id(e)).POST(EntityPaths.operation(e, "action_" + a.name(), a.label(),
                        "Runs the custom action " + a.name() + " (hook " + a.hook() + ") on the record.")
                .requestBody(body(input, "Checked against the action's input schema in the manifest"))
                .responses(responses("200", ok("What the action returned", result), 400, 403, 404, 409, 422)));
    }
}
