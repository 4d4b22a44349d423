package io.prmos.engine.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The job queue over HTTP (docs/jobs.md): enqueue (with an idempotency key), list and read, and the
 * worker's side — lease by long-poll, heartbeat, complete, fail — plus the admin's retry of a dead job.
 * Callers need the tenant role {@code admin} or {@code job_worker}; retry needs {@code admin}.
 */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Caller.ADMIN_ROLE, JobRoles.WORKER})
public class JobResource {

    @Inject
    CallerResolver callers;

    @Inject
    JobQueue queue;

    @Inject
    JobSignals signals;

    @Inject
    JobRequests requests;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> enqueue(@HeaderParam("Idempotency-Key") String idempotencyKey, JsonNode body) {
        JobRequest request = requests.enqueue(body, idempotencyKey);
        return queue.enqueue(callers.current(), request).map(done -> {
            if (!done.created() && !sameJob(done.job(), request)) {
                throw new ApiProblem(409, "idempotency-key-reused", "Idempotency key reused",
                        "the idempotency key '" + request.idempotencyKey() + "' belongs to another job (" + done.job().id() + ")", List.of());
            }
            return Response.status(done.created() ? 201 : 200).entity(done.job().json())
                    .header("Location", "/api/v1/jobs/" + done.job().id()).build();
        });
    }

    @GET
    public Uni<JsonNode> list(@QueryParam("status") String status, @QueryParam("type") String type, @QueryParam("limit") Integer limit,
                              @QueryParam("cursor") String cursor) {
        requests.checkStatus(status);
        int max = limit == null ? 100 : Math.max(1, Math.min(limit, 1000));
        return queue.list(callers.current(), status, type, max, cursor == null || cursor.isEmpty() ? null : JobCursor.parse(cursor))
                .map(jobs -> {
                    ObjectNode out = JsonNodeFactory.instance.objectNode();
                    ArrayNode items = out.putArray("items");
                    jobs.forEach(j -> items.add(j.json()));
                    if (jobs.size() == max) {
                        out.put("nextCursor", JobCursor.of(jobs.get(jobs.size() - 1)).text());
                    }
                    return out;
                });
    }

    @GET
    @Path("{id}")
    public Uni<ObjectNode> get(@PathParam("id") String id) {
        UUID uuid = JobRequests.id(id);
        return queue.get(callers.current(), uuid).map(job -> job.orElseThrow(() -> missing(id)).json());
    }

    /**
     * Leases the oldest due job of the given types, waiting up to {@code wait} seconds for one (long-poll);
     * 204 when none came. The answer carries the {@code leaseToken} the worker presents afterwards.
     */
    @POST
    @Path("lease")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> lease(JsonNode body) {
        JobRequests.Lease lease = requests.lease(body);
        Caller caller = callers.current();
        return leaseUntil(caller, lease, Instant.now().plus(lease.patience())).map(job -> job
                .map(j -> Response.ok(j.leasedJson()).build())
                .orElseGet(() -> Response.noContent().build()));
    }

    private Uni<Optional<Job>> leaseUntil(Caller caller, JobRequests.Lease lease, Instant deadline) {
        return queue.leaseOnce(caller, lease.types(), lease.duration()).flatMap(job -> {
            Duration left = Duration.between(Instant.now(), deadline);
            if (job.isPresent() || left.isNegative() || left.isZero()) {
                return Uni.createFrom().item(job);
            }
            return signals.next(left).flatMap(x -> leaseUntil(caller, lease, deadline));
        });
    }

    @POST
    @Path("{id}/heartbeat")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> heartbeat(@PathParam("id") String id, JsonNode body) {
        Caller caller = callers.current();
        UUID uuid = JobRequests.id(id);
        return queue.heartbeat(caller, uuid, requests.token(body), requests.leaseDuration(body))
                .flatMap(job -> job.isPresent() ? Uni.createFrom().item(job.get().json()) : leaseLost(caller, uuid, id));
    }

    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> complete(@PathParam("id") String id, JsonNode body) {
        Caller caller = callers.current();
        UUID uuid = JobRequests.id(id);
        UUID token = requests.token(body);
        String result = requests.result(body);
        return queue.complete(caller, uuid, token, result).flatMap(job -> job.isPresent() ? Uni.createFrom().item(job.get().json())
                : queue.get(caller, uuid).map(existing -> {
                    // a repeated completion by the worker that completed it answers the job again
                    Job j = existing.orElseThrow(() -> missing(id));
                    if ("done".equals(j.status()) && token.equals(j.leaseToken())) {
                        return j.json();
                    }
                    throw lost(j);
                }));
    }

    @POST
    @Path("{id}/fail")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ObjectNode> fail(@PathParam("id") String id, JsonNode body) {
        Caller caller = callers.current();
        UUID uuid = JobRequests.id(id);
        return queue.fail(caller, uuid, requests.token(body), body.path("retry").asBoolean(true), requests.error(body))
                .flatMap(job -> job.isPresent() ? Uni.createFrom().item(job.get().json()) : leaseLost(caller, uuid, id));
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed(Caller.ADMIN_ROLE)
    public Uni<ObjectNode> retry(@PathParam("id") String id) {
        Caller caller = callers.current();
        UUID uuid = JobRequests.id(id);
        return moved(caller, uuid, id, queue.retry(caller, uuid), "dead", "retried");
    }

    /** A queued job to the dead letter (tenant admins); {@code 409 job-not-queued} otherwise. */
    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Caller.ADMIN_ROLE)
    public Uni<ObjectNode> cancel(@PathParam("id") String id) {
        Caller caller = callers.current();
        UUID uuid = JobRequests.id(id);
        return moved(caller, uuid, id, queue.cancel(caller, uuid), "queued", "cancelled");
    }

    /** The job after an admin's move; 404 when there is no such job, {@code 409 job-not-{state}} when it was in another state. */
    private Uni<ObjectNode> moved(Caller caller, UUID uuid, String id, Uni<java.util.Optional<Job>> move, String state, String done) {
        return move.flatMap(job -> job.isPresent() ? Uni.createFrom().item(job.get().json())
                : queue.get(caller, uuid).map(existing -> {
                    Job j = existing.orElseThrow(() -> missing(id));
                    throw new ApiProblem(409, "job-not-" + state, "Job is not " + state, "job " + id + " is " + j.status()
                            + "; only a " + state + " job can be " + done, List.of());
                }));
    }

    private Uni<ObjectNode> leaseLost(Caller caller, UUID uuid, String id) {
        return queue.get(caller, uuid).map(existing -> {
            throw lost(existing.orElseThrow(() -> missing(id)));
        });
    }

    private static ApiProblem lost(Job job) {
        return new ApiProblem(409, "lease-lost", "Lease not held", "this lease token does not hold job " + job.id()
                + " (it is " + job.status() + "): the lease expired and the job was leased again, or it was finished", List.of());
    }

    private static boolean sameJob(Job existing, JobRequest request) {
        return existing.type().equals(request.type()) && existing.payload().equals(request.payload());
    }

    private static ApiProblem missing(String id) {
        return ApiProblem.notFound("no job " + id);
    }
}
