package io.prmos.engine.audit;

import io.prmos.engine.query.Urn;

import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.store.RecycleBin;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * {@code DELETE /api/v1/{module}/{entity}/{id}/purge}: tenant admins delete a record of the recycle
 * bin for good (with its history). 404 when the record is not in the bin, 409 while other records
 * reference it. The purge is recorded in the activity log.
 */
@Path("/api/v1/{module}/{entity}/{id}/purge")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PurgeResource {

    @Inject
    CatalogHolder catalogs;

    @Inject
    CallerResolver callers;

    @Inject
    RecycleBin bin;

    @Inject
    ActivityLog activity;

    @Inject
    io.prmos.engine.store.RecordKeys keys;

    @DELETE
    public Uni<Response> purge(@PathParam("module") String module, @PathParam("entity") String entity, @PathParam("id") String id) {
        Caller caller = callers.current();
        Catalog catalog = catalogs.forTenant(caller.tenant());
        EntityDescriptor e = AuditTargets.entity(catalog, module, entity);
        if (!caller.isAdmin()) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "only admins may purge records of the recycle bin", List.of());
        }
        return keys.find(caller, e, id).map(found -> found.orElseThrow(() -> AuditTargets.missing(e, id)))
                .flatMap(uuid -> bin.purge(caller, catalog, e, uuid).flatMap(x -> activity.record(null, caller, ActivityLog.PURGED, new Urn(e.module(), e.path(), uuid).toString(),
                        "Purged " + e.label())))
                .replaceWith(Response.noContent().build());
    }
}
