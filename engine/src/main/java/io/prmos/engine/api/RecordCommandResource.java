package io.prmos.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.hooks.ActionRunner;
import io.prmos.engine.query.BoundFilter;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.RecordReader;
import io.prmos.engine.workflow.Transitions;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.model.ActionDef;
import io.prmos.metadata.model.Transition;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Commands on one record beyond CRUD: workflow transitions
 * ({@code POST /api/v1/{module}/{entity}/{id}/transitions/{name}}) and custom actions
 * ({@code POST .../{id}/actions/{name}}). Both need the caller to read the record (404 otherwise)
 * and to hold one of the declared roles (403). A transition also needs update permission on the
 * record — its update row scope ({@code own}, {@code where}) included, 403 otherwise — unless the
 * manifest declares it {@code rowScope: read}.
 */
@Path("/api/v1/{module}/{entity}/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RecordCommandResource {

    @Inject
    CatalogHolder catalogs;

    @Inject
    CallerResolver callers;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    RecordReader reader;

    @Inject
    Transitions transitions;

    @Inject
    ActionRunner actions;

    @Inject
    RecordRelations relations;

    @POST
    @Path("transitions/{name}")
    public Uni<Response> transition(@PathParam("module") String module, @PathParam("entity") String entity,
                                    @PathParam("id") String id, @PathParam("name") String name) {
        RecordResource.Target t = target(module, entity);
        Transition transition = t.entity().def().workflow().map(w -> w.transitions().get(name)).orElse(null);
        if (transition == null) {
            throw ApiProblem.notFound("no transition '" + name + "' on " + t.entity().qualifiedName());
        }
        Transitions.checkRoles(t.caller(), transition);
        // the rows the caller may update bound the transition unless the manifest says rowScope: read
        Optional<BoundFilter> scope = transition.rowScope() == Transition.RowScope.READ && !transition.roles().isEmpty()
                ? Optional.empty() : t.auth().require(Operation.UPDATE).rows();
        Set<String> projection = t.auth().projection();
        // a public id (DEAL-000123) names the record as well as its uuid does
        return relations.key(t, id).flatMap(uuid -> readable(t, uuid, id)
                .flatMap(x -> transitions.perform(t.caller(), t.catalog(), t.entity(), uuid, transition, scope)))
                .map(after -> RecordResponses.ok(project(after, projection)));
    }

    @POST
    @Path("actions/{name}")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> action(@PathParam("module") String module, @PathParam("entity") String entity,
                                @PathParam("id") String id, @PathParam("name") String name, byte[] body) {
        RecordResource.Target t = target(module, entity);
        ActionDef action = t.entity().def().actions().get(name);
        if (action == null) {
            throw ApiProblem.notFound("no action '" + name + "' on " + t.entity().qualifiedName());
        }
        if (action.roles().stream().noneMatch(t.caller().roles()::contains)) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "action '" + name + "' needs one of the roles " + action.roles(), List.of());
        }
        JsonNode input = body == null || body.length == 0 ? JsonNodeFactory.instance.objectNode() : RecordResponses.parseBody(body);
        actions.validateInput(action, input);
        return relations.key(t, id).flatMap(uuid -> readable(t, uuid, id)
                .flatMap(x -> actions.run(t.caller(), t.catalog(), t.entity(), uuid, action, input)))
                .map(result -> {
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    out.put("action", name);
                    out.set("result", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(result));
                    return Response.ok(out, MediaType.APPLICATION_JSON_TYPE).build();
                });
    }

    /** A record the caller cannot read does not exist for them. */
    private Uni<Void> readable(RecordResource.Target t, UUID uuid, String id) {
        AccessDecision read = t.auth().require(Operation.READ);
        return reader.get(t.caller(), t.entity(), uuid, t.auth().access(read))
                .map(found -> {
                    if (found.isEmpty()) {
                        throw t.missing(id);
                    }
                    return null;
                });
    }

    private static ObjectNode project(ObjectNode record, Set<String> projection) {
        ObjectNode out = record.deepCopy();
        Set<String> kept = new java.util.HashSet<>(projection);
        kept.add("urn"); // every record carries its URN and public id, as a GET answers them
        kept.add(io.prmos.engine.query.SystemFields.PUBLIC_ID);
        out.retain(kept);
        return out;
    }

    private RecordResource.Target target(String module, String entity) {
        Caller caller = callers.current();
        Catalog catalog = catalogs.forTenant(caller.tenant());
        return catalog.entity(module, entity)
                .map(e -> new RecordResource.Target(catalog, catalog.module(module).orElseThrow(), e, caller,
                        new Authorizer(evaluator, catalog, caller, e)))
                .orElseThrow(() -> ApiProblem.notFound("no entity '" + entity + "' in module '" + module + "'"));
    }
}
