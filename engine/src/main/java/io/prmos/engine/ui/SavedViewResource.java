package io.prmos.engine.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Saved list views, per user: only the owner (same tenant, same user) ever sees or changes a
 * view; anybody else's view answers 404. A view is checked against the entity as its owner sees it.
 */
@Path("/api/v1/ui/views")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SavedViewResource {

    @Inject
    CatalogHolder catalogs;

    @Inject
    CallerResolver callers;

    @Inject
    PermissionEvaluator evaluator;

    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    @GET
    @WithSession
    public Uni<JsonNode> list(@QueryParam("entity") String entity) {
        Caller caller = callers.current();
        Uni<List<SavedViewEntity>> views;
        if (entity == null || entity.isBlank()) {
            views = SavedViewEntity.list("tenantId = ?1 and owner = ?2 order by entity, name", caller.tenant(), caller.user());
        } else {
            UiEntities.readable(evaluator, catalogs.forTenant(caller.tenant()), caller, entity);
            views = SavedViewEntity.list("tenantId = ?1 and owner = ?2 and entity = ?3 order by name",
                    caller.tenant(), caller.user(), entity);
        }
        return views.map(found -> {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            found.forEach(v -> out.add(describe(v)));
            return out;
        });
    }

    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<Response> create(JsonNode body) {
        Caller caller = callers.current();
        Catalog catalog = catalogs.forTenant(caller.tenant());
        String entityName = body == null ? null : body.path("entity").asText(null);
        if (entityName == null) {
            throw SavedViewRequest.invalid(List.of(SavedViewRequest.error("/entity", "entity is required, e.g. partners.Partner")));
        }
        EntityDescriptor entity = UiEntities.readable(evaluator, catalog, caller, entityName);
        SavedViewRequest request = SavedViewRequest.parse(body, entity, visible(caller, catalog, entity));
        SavedViewEntity view = new SavedViewEntity();
        view.id = UUID.randomUUID();
        view.tenantId = caller.tenant();
        view.owner = caller.user();
        view.entity = entity.qualifiedName();
        view.createdAt = OffsetDateTime.now();
        apply(view, request);
        return clearOtherDefaults(view).flatMap(v -> view.<SavedViewEntity>persist())
                .map(saved -> Response.status(201).entity(describe(saved)).header("Location", "/api/v1/ui/views/" + saved.id).build());
    }

    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<JsonNode> replace(@PathParam("id") String id, JsonNode body) {
        Caller caller = callers.current();
        Catalog catalog = catalogs.forTenant(caller.tenant());
        return owned(caller, id).flatMap(view -> {
            EntityDescriptor entity = UiEntities.readable(evaluator, catalog, caller, view.entity);
            String named = body == null ? null : body.path("entity").asText(null);
            if (named != null && !named.equals(view.entity)) {
                throw SavedViewRequest.invalid(List.of(SavedViewRequest.error("/entity", "a view's entity cannot change")));
            }
            apply(view, SavedViewRequest.parse(body, entity, visible(caller, catalog, entity)));
            view.updatedAt = OffsetDateTime.now();
            return clearOtherDefaults(view).map(v -> describe(view));
        });
    }

    @org.eclipse.microprofile.openapi.annotations.Operation(hidden = true)
    @DELETE
    @Path("{id}")
    @WithTransaction
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.current();
        return owned(caller, id).flatMap(view -> view.delete()).map(v -> Response.noContent().build());
    }

    private java.util.Set<String> visible(Caller caller, Catalog catalog, EntityDescriptor entity) {
        return evaluator.decide(caller, catalog, entity, Operation.READ).visibleFields();
    }

    /** The caller's own view; any other view, of another user or tenant, is not found. */
    private static Uni<SavedViewEntity> owned(Caller caller, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no saved view " + id);
        }
        return SavedViewEntity.<SavedViewEntity>findById(uuid).map(view -> {
            if (view == null || !view.tenantId.equals(caller.tenant()) || !view.owner.equals(caller.user())) {
                throw ApiProblem.notFound("no saved view " + id);
            }
            return view;
        });
    }

    /** At most one default view per user and entity. */
    private static Uni<Integer> clearOtherDefaults(SavedViewEntity view) {
        if (!view.isDefault) {
            return Uni.createFrom().item(0);
        }
        return SavedViewEntity.update("isDefault = false where tenantId = ?1 and owner = ?2 and entity = ?3 and id <> ?4",
                view.tenantId, view.owner, view.entity, view.id);
    }

    private static void apply(SavedViewEntity view, SavedViewRequest request) {
        view.name = request.name();
        view.filter = request.filter().orElse(null);
        view.sort = request.sort().toArray(String[]::new);
        view.columns = request.columns().toArray(String[]::new);
        view.isDefault = request.isDefault();
        view.updatedAt = OffsetDateTime.now();
    }

    static ObjectNode describe(SavedViewEntity view) {
        ObjectNode out = JsonNodeFactory.instance.objectNode()
                .put("id", view.id.toString())
                .put("entity", view.entity)
                .put("name", view.name)
                .put("filter", view.filter);
        ArrayNode sort = out.putArray("sort");
        Arrays.stream(view.sort).forEach(sort::add);
        ArrayNode columns = out.putArray("columns");
        Arrays.stream(view.columns).forEach(columns::add);
        out.put("isDefault", view.isDefault)
                .put("createdAt", view.createdAt == null ? null : view.createdAt.toString())
                .put("updatedAt", view.updatedAt == null ? null : view.updatedAt.toString());
        return out;
    }
}
