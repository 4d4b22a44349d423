package io.prmos.engine.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.RecordHistory;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/v1/{module}/{entity}/{id}/history}: a record's changes, newest first, paged with
 * {@code limit} and {@code cursor}. Whoever may read the record may read its history; fields they
 * cannot see are absent from every entry.
 */
@Path("/api/v1/{module}/{entity}/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class HistoryResource {

    @Inject
    CatalogHolder catalogs;

    @Inject
    CallerResolver callers;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    RecordHistory history;

    @Inject
    io.prmos.engine.store.RecordKeys keys;

    @GET
    public Uni<ObjectNode> history(@PathParam("module") String module, @PathParam("entity") String entity,
                                   @PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Caller caller = callers.current();
        Catalog catalog = catalogs.forTenant(caller.tenant());
        EntityDescriptor e = AuditTargets.entity(catalog, module, entity);
        AccessDecision read = evaluator.decide(caller, catalog, e, Operation.READ);
        if (!read.allowed()) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "your roles do not allow read on " + e.qualifiedName(), List.of());
        }
        if (!e.features().audit()) {
            throw ApiProblem.notFound(e.qualifiedName() + " keeps no history (its features do not include audit)");
        }
        int size = AuditTargets.limit(limit);
        var after = AuditTargets.cursor(cursor);
        // a public id (DEAL-000123) names the record as well as its uuid does
        return keys.find(caller, e, id).map(found -> found.orElseThrow(() -> AuditTargets.missing(e, id)))
                .flatMap(uuid -> history.page(caller, e, uuid, read.rows(), size, after))
                .map(page -> body(page.orElseThrow(() -> ApiProblem.notFound("no " + e.qualifiedName() + " with id " + id)), read, size));
    }

    private static ObjectNode body(List<RecordHistory.Entry> entries, AccessDecision read, int limit) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode items = out.putArray("items");
        for (RecordHistory.Entry entry : entries) {
            ObjectNode item = items.addObject();
            item.put("id", entry.id());
            item.put("version", entry.version());
            item.put("operation", entry.operation());
            item.put("changedBy", entry.changedBy());
            item.put("changedByName", entry.changedByName());
            item.put("changedAt", entry.changedAt());
            item.put("requestId", entry.requestId());
            ObjectNode changes = item.putObject("changes");
            entry.changes().fields().forEachRemaining(f -> {
                if (read.canSee(f.getKey())) {
                    changes.set(f.getKey(), f.getValue());
                }
            });
        }
        out.put("nextCursor", AuditTargets.last(entries, limit).map(last -> String.valueOf(last.id())).orElse(null));
        return out;
    }
}
