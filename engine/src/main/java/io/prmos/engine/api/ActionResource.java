package io.prmos.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.hooks.ActionRunner;
import io.prmos.metadata.model.ActionDef;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Custom actions of one record: {@code POST /api/v1/{module}/{entity}/{id}/actions/{name}}, input
 * checked against the action's JSON Schema. The caller must read the record (404 otherwise) and hold
 * one of the action's roles (403).
 */
@Path("/api/v1/{module}/{entity}/{id}/actions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ActionResource {

    @Inject
    Targets targets;

    @Inject
    ActionRunner actions;

    @Inject
    RecordRelations relations;

    @POST
    @Path("{name}")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> action(@PathParam("module") String module, @PathParam("entity") String entity,
                                @PathParam("id") String id, @PathParam("name") String name, byte[] body) {
        RecordResource.Target t = targets.resolve(module, entity);
        ActionDef action = t.entity().def().actions().get(name);
        if (action == null) {
            throw ApiProblem.notFound("no action '" + name + "' on " + t.entity().qualifiedName());
        }
        if (action.roles().stream().noneMatch(t.caller().roles()::contains)) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "action '" + name + "' needs one of the roles " + action.roles(), List.of());
        }
        JsonNode input = body == null || body.length == 0 ? JsonNodeFactory.instance.objectNode() : RecordResponses.parseBody(body);
        actions.validateInput(action, input);
        return relations.key(t, id).flatMap(uuid -> targets.readable(t, uuid, id)
                .flatMap(x -> actions.run(t.caller(), t.catalog(), t.entity(), uuid, action, input)))
                .map(result -> {
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    out.put("action", name);
                    out.set("result", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(result));
                    return Response.ok(out, MediaType.APPLICATION_JSON_TYPE).build();
                });
    }
}
