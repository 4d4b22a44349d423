package io.prmos.engine.audit;

import io.prmos.engine.query.Urn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.RecycleBin;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/recycle-bin?entity=&limit=}: the deleted records the caller may read, across
 * entities with soft delete, most recently deleted first, with who deleted them and when.
 * Restoring is {@code POST …/{id}/restore}; purging {@code DELETE …/{id}/purge}.
 */
@Path("/api/v1/recycle-bin")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RecycleBinResource {

    @Inject
    CatalogHolder catalogs;

    @Inject
    CallerResolver callers;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    RecycleBin bin;

    @GET
    public Uni<ObjectNode> list(@QueryParam("entity") String entity, @QueryParam("limit") String limit) {
        Caller caller = callers.current();
        Catalog catalog = catalogs.forTenant(caller.tenant());
        Optional<EntityDescriptor> only = AuditTargets.qualified(catalog, entity);
        List<RecycleBin.Readable> readable = new ArrayList<>();
        for (EntityDescriptor e : catalog.entities()) {
            if (!e.features().softDelete() || only.isPresent() && only.get() != e) {
                continue;
            }
            AccessDecision read = evaluator.decide(caller, catalog, e, Operation.READ);
            if (read.allowed()) {
                readable.add(new RecycleBin.Readable(e, read.rows(), AuditTargets.projection(read)));
            }
        }
        return bin.list(caller, readable, AuditTargets.limit(limit)).map(RecycleBinResource::body);
    }

    private static ObjectNode body(List<RecycleBin.Item> items) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode array = out.putArray("items");
        for (RecycleBin.Item item : items) {
            ObjectNode node = array.addObject();
            node.put("module", item.entity().module());
            node.put("entity", item.entity().name());
            node.put("id", item.id().toString());
            node.put("urn", new Urn(item.entity().module(), item.entity().path(), item.id()).toString());
            node.put("deletedAt", item.deletedAt());
            node.put("deletedBy", item.deletedBy());
            node.set("record", item.record());
        }
        return out;
    }
}
