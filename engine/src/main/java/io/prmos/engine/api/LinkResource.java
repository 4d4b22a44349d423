package io.prmos.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.Urn;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.LinkStore;
import io.prmos.engine.store.RecordLookup;
import io.prmos.metadata.catalog.Catalog;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Typed links between records ({@code /api/v1/links}), permission-checked on both ends. */
@Path("/api/v1/links")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class LinkResource {

    @Inject
    CatalogHolder catalogs;

    @Inject
    CallerResolver callers;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    RecordLookup lookup;

    @Inject
    LinkStore linkStore;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> link(byte[] body) {
        JsonNode request = RecordResponses.parseBody(body);
        return links().create(text(request, "type"), text(request, "from"), text(request, "to"))
                .map(view -> Response.status(201).type(MediaType.APPLICATION_JSON_TYPE).entity(view)
                        .header("Location", "/api/v1/links/" + view.get("id").asText()).build());
    }

    @GET
    public Uni<JsonNode> links(@QueryParam("urn") String urn, @QueryParam("type") String type) {
        Urn record = Urn.parse(urn).orElseThrow(() -> ApiProblem.badRequest("invalid-urn", "urn must be a record URN"));
        return links().list(record, Optional.ofNullable(type).filter(t -> !t.isBlank())).map(n -> n);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> unlink(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no link " + id);
        }
        return links().delete(uuid).map(deleted -> Response.noContent().build());
    }

    private Links links() {
        return new Links(catalogs.current(), callers.current(), evaluator, lookup, linkStore);
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
