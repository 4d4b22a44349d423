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
import io.prmos.engine.store.ActivityEntries;
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
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/activity?actor=&action=&entity=&after=&limit=&cursor=}: the tenant's activity
 * log, newest first. Admins see every entry of their tenant and the platform's entries (module
 * publishing, which changes every tenant); everyone else sees the entries about records they may
 * read now (entity read permission and its row rule), and nothing else.
 */
@Path("/api/v1/activity")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ActivityResource {

    @Inject
    CatalogHolder catalogs;

    @Inject
    CallerResolver callers;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    ActivityEntries entries;

    @GET
    public Uni<ObjectNode> list(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                @QueryParam("entity") String entity, @QueryParam("after") String after,
                                @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Caller caller = callers.current();
        Catalog catalog = catalogs.forTenant(caller.tenant());
        Optional<EntityDescriptor> only = AuditTargets.qualified(catalog, entity);
        int size = AuditTargets.limit(limit);
        ActivityEntries.Query query = new ActivityEntries.Query(blank(actor), blank(action),
                only.map(EntityDescriptor::module), only.map(EntityDescriptor::path), instant(after), AuditTargets.cursor(cursor), size);
        List<ActivityEntries.Readable> readable = new ArrayList<>();
        if (!caller.isAdmin()) {
            for (EntityDescriptor e : catalog.entities()) {
                AccessDecision read = evaluator.decide(caller, catalog, e, Operation.READ);
                if (read.allowed() && (only.isEmpty() || only.get() == e)) {
                    readable.add(new ActivityEntries.Readable(e, read.rows()));
                }
            }
        }
        return entries.page(caller, query, caller.isAdmin(), readable).map(page -> body(page, size));
    }

    private static Optional<String> blank(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static Optional<OffsetDateTime> instant(String text) {
        try {
            return blank(text).map(OffsetDateTime::parse);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid-query", "after must be a date-time with offset, e.g. 2025-01-31T12:00:00Z");
        }
    }

    private static ObjectNode body(List<ActivityEntries.Entry> page, int limit) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode items = out.putArray("items");
        for (ActivityEntries.Entry e : page) {
            ObjectNode item = items.addObject();
            item.put("id", e.id());
            item.put("occurredAt", e.occurredAt());
            item.put("actor", e.actor());
            item.put("actorName", e.actorName());
            item.put("action", e.action());
            item.put("module", e.module());
            item.put("entity", e.entity());
            item.put("recordId", e.recordId() == null ? null : e.recordId().toString());
            item.put("target", e.target());
            item.put("summary", e.summary());
            item.put("requestId", e.requestId());
        }
        out.put("nextCursor", AuditTargets.last(page, limit).map(last -> String.valueOf(last.id())).orElse(null));
        return out;
    }
}
