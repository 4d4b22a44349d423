package io.prmos.engine.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/admin/dictionaries/{module.dictionary}/values}: a tenant admin's view and changes of
 * an extensible dictionary. Every answer is the effective list {@code {"dictionary", "items": [...]}}.
 */
@Path("/api/admin/dictionaries/{dictionary}/values")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN_ROLE)
public class DictionaryResource {

    @Inject
    Dictionaries dictionaries;

    @Inject
    CallerResolver callers;

    @GET
    public JsonNode list(@PathParam("dictionary") String dictionary) {
        return dictionaries.list(callers.current(), dictionary);
    }

    @POST
    public Uni<Response> add(@PathParam("dictionary") String dictionary, byte[] body) {
        return dictionaries.add(callers.current(), dictionary, CustomFieldResource.object(body))
                .map(out -> Response.status(201).entity(out).type(MediaType.APPLICATION_JSON_TYPE).build());
    }

    /** Reorders: {@code {"order": ["gold", "silver", ...]}}. */
    @PUT
    public Uni<JsonNode> reorder(@PathParam("dictionary") String dictionary, byte[] body) {
        return dictionaries.reorder(callers.current(), dictionary, CustomFieldResource.object(body));
    }

    @PATCH
    @Path("{code}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Uni<JsonNode> change(@PathParam("dictionary") String dictionary, @PathParam("code") String code, byte[] body) {
        return dictionaries.change(callers.current(), dictionary, code, CustomFieldResource.object(body));
    }

    @DELETE
    @Path("{code}")
    public Uni<Response> delete(@PathParam("dictionary") String dictionary, @PathParam("code") String code) {
        return dictionaries.delete(callers.current(), dictionary, code).map(x -> Response.noContent().build());
    }
}
