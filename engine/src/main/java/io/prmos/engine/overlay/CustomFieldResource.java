package io.prmos.engine.overlay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/admin/custom-fields}: a tenant admin's custom fields, as the overlay document
 * {@code {"items": [{"entity", "name", "field", "access"}]}}. Everything acts in the caller's tenant.
 */
@Path("/api/admin/custom-fields")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.ADMIN_ROLE)
public class CustomFieldResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CustomFields fields;

    @Inject
    CallerResolver callers;

    @GET
    public JsonNode list() {
        ObjectNode out = JSON.createObjectNode();
        out.putArray("items").addAll(fields.list(callers.current().tenant()));
        return out;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> add(@QueryParam("dryRun") boolean dryRun, byte[] body) {
        return fields.add(callers.current(), object(body), dryRun).map(outcome -> Response.status(outcome.applied() ? 201 : 200)
                .entity(body(outcome)).type(MediaType.APPLICATION_JSON_TYPE).build());
    }

    @PATCH
    @Path("{entity}/{name}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Uni<JsonNode> change(@PathParam("entity") String entity, @PathParam("name") String name, byte[] body) {
        return fields.change(callers.current(), entity, name, object(body)).map(CustomFieldResource::body);
    }

    @DELETE
    @Path("{entity}/{name}")
    public Uni<JsonNode> remove(@PathParam("entity") String entity, @PathParam("name") String name,
                                @QueryParam("dryRun") boolean dryRun) {
        return fields.remove(callers.current(), entity, name, dryRun);
    }

    private static JsonNode body(CustomFields.Outcome outcome) {
        ObjectNode out = ((ObjectNode) outcome.field()).deepCopy();
        out.put("dryRun", !outcome.applied());
        out.putArray("statements").addAll(outcome.statements().stream().map(s -> (JsonNode) JSON.getNodeFactory().textNode(s)).toList());
        return out;
    }

    /** The body as a JSON object, read by the engine's strict reader (its refusals are 400 problems). */
    static JsonNode object(byte[] body) {
        JsonNode node = body == null || body.length == 0 ? null : io.prmos.engine.json.StrictJson.read(body);
        if (node != null && node.isObject()) {
            return node;
        }
        throw ApiProblem.badRequest("malformed-body", "the body must be a JSON object");
    }
}
