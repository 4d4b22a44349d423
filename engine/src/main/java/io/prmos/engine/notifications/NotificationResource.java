package io.prmos.engine.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.store.kernel.NotificationRows;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The caller's notifications: {@code GET /api/v1/notifications?unread=&limit=}, the unread count,
 * marking read, sending one to another user of the tenant, and a server-sent event stream of new ones.
 */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class NotificationResource {

    @Inject
    CallerResolver callers;

    @Inject
    NotificationRows rows;

    @Inject
    Notifications notifications;

    @Inject
    Vertx vertx;

    @Context
    Sse sse;

    @ConfigProperty(name = "prm.events.stream.heartbeat", defaultValue = "PT15S")
    Duration heartbeat;

    @GET
    public Uni<JsonNode> list(@QueryParam("unread") boolean unread, @QueryParam("limit") String limit) {
        Caller caller = callers.current();
        int max = bounded(limit);
        return rows.list(caller, unread, max).flatMap(items -> rows.unread(caller).map(count -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.set("items", items);
            out.put("unread", count);
            return out;
        }));
    }

    @GET
    @Path("unread-count")
    public Uni<JsonNode> unread() {
        return rows.unread(callers.current()).map(count -> JsonNodeFactory.instance.objectNode().put("unread", count));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> send(JsonNode body) {
        Caller caller = callers.current();
        JsonNode b = body == null ? JsonNodeFactory.instance.objectNode() : body;
        return notifications.send(caller, text(b, "recipient"), text(b, "title"), text(b, "body"), text(b, "link"))
                .map(n -> Response.status(201).entity(n).build());
    }

    @POST
    @Path("{id}/read")
    public Uni<Response> read(@PathParam("id") String id) {
        UUID uuid = uuid(id);
        return rows.markRead(callers.current(), uuid).map(found -> {
            if (!found) {
                throw ApiProblem.notFound("no notification " + id);
            }
            return Response.noContent().build();
        });
    }

    @POST
    @Path("read-all")
    public Uni<JsonNode> readAll() {
        return rows.markAllRead(callers.current()).map(n -> JsonNodeFactory.instance.objectNode().put("marked", n));
    }

    /** New notifications of the caller, as {@code event: notification}, with heartbeats; live only (the list is the history). */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream() {
        Caller caller = callers.current();
        return Multi.createFrom().emitter(emitter -> {
            Runnable stop = notifications.listen(caller.tenant(), caller.user(), n -> emitter.emit(sse.newEventBuilder()
                    .name("notification").mediaType(MediaType.APPLICATION_JSON_TYPE).data(n.toString()).build()));
            long timer = vertx.setPeriodic(heartbeat.toMillis(), t -> emitter.emit(sse.newEventBuilder().comment("heartbeat").build()));
            emitter.onTermination(() -> {
                stop.run();
                vertx.cancelTimer(timer);
            });
            emitter.emit(sse.newEventBuilder().comment("stream open").build());
        });
    }

    private static String text(JsonNode body, String name) {
        JsonNode v = body.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no notification " + id);
        }
    }

    private static int bounded(String limit) {
        if (limit == null) {
            return 50;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= 200) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiProblem.badRequest("invalid-query", "limit must be a number from 1 to 200");
    }
}
