package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.store.kernel.RunRows;
import io.prmos.metadata.catalog.Catalog;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
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
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The agents API (docs/agents.md): the agents a caller may start, starting a run, listing and reading
 * runs, cancelling, deciding a call that waits for approval, and a run's server-sent event stream.
 * Documented in the OpenAPI document by {@code io.prmos.engine.openapi.AgentPaths}.
 */
@Path("/api/v1/agents")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class AgentRunResource {

    @Inject
    CallerResolver callers;

    @Inject
    CatalogHolder catalogs;

    @Inject
    AgentRuns runs;

    @Inject
    RunRows rows;

    @Inject
    RunJournal journal;

    @Inject
    ModelProfiles profiles;

    @Inject
    Vertx vertx;

    @Context
    Sse sse;

    @ConfigProperty(name = "prm.events.stream.heartbeat", defaultValue = "PT15S")
    Duration heartbeat;

    @ConfigProperty(name = "prm.agents.stream.poll", defaultValue = "PT1S")
    Duration poll;

    /** The agents the caller may start by hand, and whether their model profile is configured. */
    @GET
    public JsonNode agents() {
        Caller caller = callers.current();
        Catalog catalog = catalogs.forTenant(caller.tenant());
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        catalog.modules().forEach(m -> m.manifest().agents().values().stream().filter(a -> runs.mayRun(caller, catalog, a)).forEach(a -> {
            ObjectNode item = items.addObject().put("name", m.name() + "." + a.name()).put("description", a.description())
                    .put("model", a.model()).put("configured", configured(a.model(), caller.tenant()));
            a.manual().flatMap(x -> x.entity()).ifPresent(e -> item.put("entity", e));
            a.approval().forEach(item.withArray("approval")::add);
        }));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("items", items);
        return out;
    }

    private boolean configured(String profile, String tenant) {
        try {
            profiles.profile(profile, tenant);
            return true;
        } catch (ApiProblem p) {
            return false;
        }
    }

    @POST
    @Path("{agent}/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> start(@PathParam("agent") String agent, JsonNode body) {
        return runs.start(callers.current(), agent, body).map(run -> Response.created(URI.create("/api/v1/agents/runs/"
                + run.path("id").asText())).entity(run).build());
    }

    @GET
    @Path("runs")
    public Uni<JsonNode> list(@QueryParam("agent") String agent, @QueryParam("status") String status, @QueryParam("record") String record,
                              @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        Caller caller = callers.current();
        if (status != null && !RunStream.FINAL.contains(status) && !java.util.List.of("queued", "running", "waiting_for_approval")
                .contains(status)) {
            throw ApiProblem.badRequest("invalid-query", "status is one of queued, running, waiting_for_approval, succeeded, "
                    + "failed, cancelled, timed_out");
        }
        int max = bounded(limit);
        RunRows.Query query = new RunRows.Query(caller.isAdmin() ? null : caller.user(), blank(agent), blank(status), blank(record),
                RunCursor.parse(blank(cursor)), max);
        return rows.list(caller, query).map(items -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.set("items", items);
            if (items.size() == max) {
                out.put("nextCursor", RunCursor.of(items.get(items.size() - 1)));
            }
            return out;
        });
    }

    @GET
    @Path("runs/{id}")
    public Uni<ObjectNode> get(@PathParam("id") String id) {
        return runs.visible(callers.current(), uuid(id));
    }

    @POST
    @Path("runs/{id}/cancel")
    public Uni<ObjectNode> cancel(@PathParam("id") String id) {
        return runs.cancel(callers.current(), uuid(id));
    }

    @POST
    @Path("runs/{id}/approvals/{callId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> decide(@PathParam("id") String id, @PathParam("callId") String callId, JsonNode body) {
        return runs.decide(callers.current(), uuid(id), callId, body);
    }

    /** The run's events after {@code Last-Event-ID} (or {@code after}), then live until the run ends. */
    @GET
    @Path("runs/{id}/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@PathParam("id") String id, @HeaderParam("Last-Event-ID") String lastEventId,
                                          @QueryParam("after") String after) {
        Caller caller = callers.current();
        UUID run = uuid(id);
        int from = position(lastEventId != null && !lastEventId.isBlank() ? lastEventId : after);
        RunStream stream = new RunStream(rows, journal, vertx, sse, heartbeat, poll);
        return runs.visible(caller, run).onItem().transformToMulti(r -> stream.open(caller, run, from,
                RunStream.FINAL.contains(r.path("status").asText())));
    }

    private static int position(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiProblem.badRequest("invalid-parameter", "Last-Event-ID (or after) is an event number of the run");
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no run " + id);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
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
