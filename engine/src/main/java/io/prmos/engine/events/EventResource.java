package io.prmos.engine.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.RecordReader;
import io.prmos.engine.store.TenantTransactions;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.model.EventsDef;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The event log over HTTP: emit a custom event (the records its payload names must be readable by
 * the caller, see {@link PayloadRecords}), replay the log from a position, or stream it live
 * (server-sent events with {@code Last-Event-ID} resume). Everything is filtered for the caller by
 * {@link EventVisibility}.
 */
@Path("/api/v1/events")
@Authenticated
public class EventResource {

    private static final int MAX_LIMIT = 1000;
    /** Replay scans at most this many events per request, so a filter that matches little still answers quickly. */
    private static final int SCAN = 2000;

    @Inject
    CatalogHolder catalogs;

    @Inject
    CallerResolver callers;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    TenantTransactions transactions;

    @Inject
    CatalogEventEmitter emitter;

    @Inject
    Pool pool;

    @Inject
    LiveEvents live;

    @Inject
    RecordReader reader;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "prm.events.stream.heartbeat", defaultValue = "PT15S")
    Duration heartbeat;

    @POST
    @Path("{event}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> emit(@PathParam("event") String event, JsonNode body) {
        Caller caller = callers.current();
        EventsDef.Published declared = CatalogEventEmitter.declared(catalogs.current(), event);
        if (declared.emit().stream().noneMatch(caller.roles()::contains)) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "your roles may not emit " + event
                    + (declared.emit().isEmpty() ? " (it declares no emit roles)" : "; it may be emitted by " + declared.emit()), List.of());
        }
        ObjectNode payload = body instanceof ObjectNode object ? object : null;
        return PayloadRecords.check(evaluator, reader, catalogs.current(), caller, event, payload)
                .flatMap(x -> transactions.run(caller, c -> emitter.emitted(c, caller, event, payload))).map(id -> Response.accepted(
                JsonNodeFactory.instance.objectNode().put("id", id.toString()).put("type", event)).build());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<JsonNode> replay(@QueryParam("after") String after, @QueryParam("limit") String limit, @QueryParam("types") String types) {
        Caller caller = callers.current();
        EventVisibility visibility = new EventVisibility(evaluator, catalogs.current(), caller);
        EventTypes wanted = EventTypes.parse(types);
        int max = number(limit, "limit", 100);
        if (max < 1 || max > MAX_LIMIT) {
            throw ApiProblem.badRequest("invalid-parameter", "limit must be between 1 and " + MAX_LIMIT);
        }
        long from = number(after, "after", 0);
        RowAccess rows = new RowAccess(reader, caller);
        return pool.withConnection(c -> EventLog.afterForTenant(c, caller.tenant(), from, SCAN))
                .flatMap(events -> rows.readable(events.stream().filter(e -> wanted.matches(e.type()))
                                .map(visibility::rowCheck).flatMap(java.util.Optional::stream).toList())
                        .map(readable -> page(events, from, max, wanted, visibility, readable)));
    }

    private static JsonNode page(List<DomainEvent> events, long from, int max, EventTypes wanted, EventVisibility visibility,
                                 java.util.Set<java.util.UUID> readable) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode items = out.putArray("items");
        long scanned = from;
        for (DomainEvent event : events) {
            if (items.size() == max) {
                break;
            }
            scanned = event.position();
            if (wanted.matches(event.type())) {
                visibility.view(event, readable::contains).ifPresent(items::add);
            }
        }
        out.put("next", scanned);
        return out;
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("after") String after,
                                          @QueryParam("types") String types, @Context Sse sse) {
        Caller caller = callers.current();
        Catalog catalog = catalogs.current();
        Uni<Long> from = lastEventId != null && !lastEventId.isBlank()
                ? Uni.createFrom().item(number(lastEventId, "Last-Event-ID", 0L))
                : after != null ? Uni.createFrom().item(number(after, "after", 0L)) : pool.withConnection(EventLog::lastPosition);
        EventVisibility visibility = new EventVisibility(evaluator, catalog, caller);
        EventStream stream = new EventStream(pool, live, vertx, sse, heartbeat);
        EventTypes wanted = EventTypes.parse(types);
        RowAccess rows = new RowAccess(reader, caller);
        return from.onItem().transformToMulti(position -> stream.open(caller.tenant(), position, wanted, visibility, rows));
    }

    private static long number(String text, String name, long fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("invalid-parameter", name + " must be a non-negative integer position");
        }
    }

    private static int number(String text, String name, int fallback) {
        return (int) Math.min(Integer.MAX_VALUE, number(text, name, (long) fallback));
    }
}
