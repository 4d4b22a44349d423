package io.prmos.engine.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.BoundFilter;
import io.prmos.engine.security.Operation;
import io.prmos.engine.workflow.Transitions;
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
import java.util.Optional;
import java.util.Set;

/**
 * Workflow transitions of one record: {@code POST /api/v1/{module}/{entity}/{id}/transitions/{name}}.
 * The caller must read the record (404 otherwise), hold one of the transition's roles (403) and have
 * update permission on the record — its update row scope ({@code own}, {@code where}) included, 403
 * otherwise — unless the manifest declares the transition {@code rowScope: read}.
 *
 * <p>Its own class path (not {@code .../{id}} shared with custom actions) keeps a plain
 * {@code GET/PATCH/PUT/DELETE .../{id}} from matching this class first and restarting the route match,
 * which builds a request mapper per request (docs/adr/0092).
 */
@Path("/api/v1/{module}/{entity}/{id}/transitions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class TransitionResource {

    @Inject
    Targets targets;

    @Inject
    Transitions transitions;

    @Inject
    RecordRelations relations;

    @POST
    @Path("{name}")
    public Uni<Response> transition(@PathParam("module") String module, @PathParam("entity") String entity,
                                    @PathParam("id") String id, @PathParam("name") String name) {
        RecordResource.Target t = targets.resolve(module, entity);
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
        return relations.key(t, id).flatMap(uuid -> targets.readable(t, uuid, id)
                .flatMap(x -> transitions.perform(t.caller(), t.catalog(), t.entity(), uuid, transition, scope)))
                .map(after -> RecordResponses.ok(project(after, projection)));
    }

    private static ObjectNode project(ObjectNode record, Set<String> projection) {
        ObjectNode out = record.deepCopy();
        Set<String> kept = new java.util.HashSet<>(projection);
        kept.add("urn"); // every record carries its URN and public id, as a GET answers them
        kept.add(io.prmos.engine.query.SystemFields.PUBLIC_ID);
        out.retain(kept);
        return out;
    }
}
