package io.prmos.engine.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.api.Problem;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.store.kernel.TaskRows;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Tasks over HTTP: {@code GET /api/v1/tasks?assignee=me|{user}&status=&record=&limit=} (the caller's
 * tasks — assigned to them or created by them; a tenant admin sees all), {@code POST /api/v1/tasks},
 * {@code PATCH /api/v1/tasks/{id}} with {@code {status}}.
 */
@Path("/api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class TaskResource {

    @Inject
    CallerResolver callers;

    @Inject
    TaskRows rows;

    @Inject
    Tasks tasks;

    @GET
    public Uni<JsonNode> list(@QueryParam("assignee") String assignee, @QueryParam("status") String status,
                              @QueryParam("record") String record, @QueryParam("limit") String limit) {
        Caller caller = callers.current();
        if (status != null && !Tasks.STATUSES.contains(status)) {
            throw ApiProblem.badRequest("invalid-query", "status must be one of " + Tasks.STATUSES);
        }
        int max = limit == null ? 100 : parse(limit);
        String who = "me".equals(assignee) ? caller.user() : assignee;
        return rows.list(caller, new TaskRows.Query(Optional.ofNullable(who), Optional.ofNullable(status), Optional.ofNullable(record), max))
                .map(items -> {
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    out.set("items", items);
                    return out;
                });
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(JsonNode body) {
        return tasks.create(callers.current(), body).map(task -> Response.status(201).entity(task).build());
    }

    @PATCH
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Uni<JsonNode> update(@PathParam("id") String id, JsonNode body) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("no task " + id);
        }
        String status = body == null ? null : body.path("status").asText(null);
        if (status == null || !Tasks.STATUSES.contains(status)) {
            throw new ApiProblem(422, "validation", "Invalid task", "1 field(s) are invalid",
                    List.of(new Problem.Error("/status", null, "enum", "status must be one of " + Tasks.STATUSES)));
        }
        return rows.setStatus(callers.current(), uuid, status)
                .map(found -> (JsonNode) found.orElseThrow(() -> ApiProblem.notFound("no task " + id)));
    }

    private static int parse(String limit) {
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= 500) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiProblem.badRequest("invalid-query", "limit must be a number from 1 to 500");
    }
}
