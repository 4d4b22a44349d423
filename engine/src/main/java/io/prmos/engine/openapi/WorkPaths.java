package io.prmos.engine.openapi;

import static io.prmos.engine.openapi.DocParts.array;
import static io.prmos.engine.openapi.DocParts.body;
import static io.prmos.engine.openapi.DocParts.bool;
import static io.prmos.engine.openapi.DocParts.bounded;
import static io.prmos.engine.openapi.DocParts.freeObject;
import static io.prmos.engine.openapi.DocParts.header;
import static io.prmos.engine.openapi.DocParts.integer;
import static io.prmos.engine.openapi.DocParts.noContent;
import static io.prmos.engine.openapi.DocParts.object;
import static io.prmos.engine.openapi.DocParts.ok;
import static io.prmos.engine.openapi.DocParts.operation;
import static io.prmos.engine.openapi.DocParts.path;
import static io.prmos.engine.openapi.DocParts.query;
import static io.prmos.engine.openapi.DocParts.responses;
import static io.prmos.engine.openapi.DocParts.string;
import static io.prmos.engine.openapi.DocParts.strings;
import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createPathItem;

import io.prmos.engine.jobs.JobRoles;
import io.prmos.engine.security.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The kernel's work endpoints: the caller's notifications and tasks (every signed-in caller) and
 * the job queue (tenant admins and job workers; docs/jobs.md).
 */
final class WorkPaths {

    static final String NOTIFICATIONS = "notifications";
    static final String TASKS = "tasks";
    static final String JOBS = "jobs";

    private WorkPaths() {
    }

    static Map<String, PathItem> of(Caller caller) {
        Map<String, PathItem> out = new LinkedHashMap<>();
        notifications(out);
        tasks(out);
        if (caller.isAdmin() || caller.roles().contains(JobRoles.WORKER)) {
            jobs(out, caller.isAdmin());
        }
        return out;
    }

    private static void notifications(Map<String, PathItem> out) {
        Schema notification = freeObject("A notification: id, sender, title, body, link, createdAt, readAt");
        Schema send = object().addProperty("recipient", string().maxLength(255).description("The user (token subject) to notify"))
                .addProperty("title", string().maxLength(200)).addProperty("body", string().maxLength(4000))
                .addProperty("link", string().maxLength(512).description("A path of the web UI (/…) or a record URN"))
                .required(List.of("recipient", "title"));
        out.put("/api/v1/notifications", createPathItem()
                .GET(operation("notifications_list", NOTIFICATIONS, "My notifications", "The caller's notifications, newest first.")
                        .addParameter(query("unread", "Only unread ones", bool()))
                        .addParameter(query("limit", "At most this many", bounded(1, 200)))
                        .responses(responses("200", ok("The notifications", object().addProperty("items", array(notification))), 400)))
                .POST(operation("notifications_send", NOTIFICATIONS, "Notify a user", "Sends a notification to a user of the caller's tenant.")
                        .requestBody(body(send, "The notification"))
                        .responses(responses("201", ok("Sent", notification), 400, 422))));
        out.put("/api/v1/notifications/unread-count", createPathItem().GET(operation("notifications_unread_count", NOTIFICATIONS,
                "Unread count", "How many of the caller's notifications are unread (the bell's badge).")
                .responses(responses("200", ok("The count", object().addProperty("unread", integer("int64")))))));
        out.put("/api/v1/notifications/{id}/read", createPathItem().addParameter(path("id", "The notification's id", string("uuid")))
                .POST(operation("notifications_read", NOTIFICATIONS, "Mark read", "Marks one of the caller's notifications read.")
                        .responses(responses("200", ok("Marked read", notification), 404))));
        out.put("/api/v1/notifications/read-all", createPathItem().POST(operation("notifications_read_all", NOTIFICATIONS,
                "Mark all read", "Marks every notification of the caller read.")
                .responses(responses("200", ok("How many were marked", freeObject("The count marked read"))))));
        out.put("/api/v1/notifications/stream", createPathItem().GET(operation("notifications_stream", NOTIFICATIONS,
                "Stream new notifications", "Server-sent events: `event: notification` for each new one, with heartbeats; live only.")
                .responses(responses("200", createAPIResponse().description("The stream")
                        .content(createContent().addMediaType("text/event-stream", createMediaType().schema(string())))))));
    }

    private static void tasks(Map<String, PathItem> out) {
        Schema task = freeObject("A task: id, title, description, assignee, record, dueOn, status, createdBy, createdAt");
        Schema create = object().addProperty("title", string().maxLength(200)).addProperty("assignee", string().maxLength(255))
                .addProperty("description", string().maxLength(4000))
                .addProperty("record", string().maxLength(512).description("URN of a record the creator may read"))
                .addProperty("dueOn", string("date")).required(List.of("title", "assignee"));
        out.put("/api/v1/tasks", createPathItem()
                .GET(operation("tasks_list", TASKS, "Tasks", "The caller's tasks (assigned to them or created by them); "
                        + "a tenant admin sees all.")
                        .addParameter(query("assignee", "me, or a user", string()))
                        .addParameter(query("status", "Only tasks in this status", strings("open", "done", "cancelled")))
                        .addParameter(query("record", "Only tasks about this record (URN)", string()))
                        .addParameter(query("limit", "At most this many", bounded(1, 200)))
                        .responses(responses("200", ok("The tasks", object().addProperty("items", array(task))), 400)))
                .POST(operation("tasks_create", TASKS, "Create a task", "Assigns a task to a user of the tenant, optionally about a record.")
                        .requestBody(body(create, "The task"))
                        .responses(responses("201", ok("Created", task), 400, 422))));
        out.put("/api/v1/tasks/{id}", createPathItem().addParameter(path("id", "The task's id", string("uuid")))
                .PATCH(operation("tasks_update", TASKS, "Change a task", "Changes the status of a task the caller may change.")
                        .requestBody(body(object().addProperty("status", strings("open", "done", "cancelled")), "The change"))
                        .responses(responses("200", ok("Changed", task), 400, 403, 404, 422))));
    }

    private static void jobs(Map<String, PathItem> out, boolean admin) {
        Schema job = freeObject("A job: id, type, payload, status, attempts, maxAttempts, runAt, leaseExpiresAt, leasedBy, result, lastError, createdAt, updatedAt, finishedAt");
        Schema enqueue = object().addProperty("type", string()).addProperty("payload", freeObject("Any JSON the worker reads"))
                .addProperty("idempotencyKey", string()).addProperty("maxAttempts", bounded(1, 100))
                .addProperty("delaySeconds", bounded(0, 31_536_000)).required(List.of("type"));
        Schema lease = object().addProperty("leaseToken", string("uuid"));
        out.put("/api/v1/jobs", createPathItem()
                .GET(operation("jobs_list", JOBS, "Jobs", "Jobs of the tenant, newest first.")
                        .addParameter(query("status", "Only this status", strings("queued", "leased", "done", "dead")))
                        .addParameter(query("type", "Only this type", string()))
                        .addParameter(query("limit", "At most this many", bounded(1, 1000)))
                        .addParameter(query("cursor", "The nextCursor of the previous page", string()))
                        .responses(responses("200", ok("The jobs and, when more may follow, nextCursor",
                                object().addProperty("items", array(job)).addProperty("nextCursor", string())), 400)))
                .POST(operation("jobs_enqueue", JOBS, "Enqueue a job", "Queues a job; the same idempotency key answers the job "
                        + "already queued.")
                        .addParameter(header("Idempotency-Key", "Enqueue at most once per key"))
                        .requestBody(body(enqueue, "The job"))
                        .responses(responses("201", ok("Queued", job), 400, 422))));
        out.put("/api/v1/jobs/{id}", createPathItem().addParameter(path("id", "The job's id", string("uuid")))
                .GET(operation("jobs_get", JOBS, "A job", "One job with its status and result.").responses(responses("200", ok("The job", job), 404))));
        out.put("/api/v1/jobs/lease", createPathItem().POST(operation("jobs_lease", JOBS, "Lease a job", "Leases the oldest due "
                + "job of the given types, waiting up to waitSeconds for one (long-poll); 204 when none came.")
                .requestBody(body(object().addProperty("types", array(string())).addProperty("waitSeconds", bounded(0, 30))
                        .addProperty("leaseSeconds", bounded(5, 3600)).required(List.of("types")), "What to lease"))
                .responses(responses("200", ok("The leased job with its leaseToken", job), 400, 422)
                        .addAPIResponse("204", noContent("No job came")))));
        workerStep(out, "heartbeat", "Extend a lease", object().addProperty("leaseToken", string("uuid"))
                .addProperty("leaseSeconds", bounded(5, 3600)).required(List.of("leaseToken", "leaseSeconds")), job);
        workerStep(out, "complete", "Complete a job", object().addProperty("leaseToken", string("uuid"))
                .addProperty("result", freeObject("At most 64 KiB of JSON")).required(List.of("leaseToken")), job);
        workerStep(out, "fail", "Fail an attempt", lease.addProperty("error", string()).required(List.of("leaseToken")), job);
        if (admin) {
            out.put("/api/v1/jobs/{id}/retry", createPathItem().addParameter(path("id", "The job's id", string("uuid")))
                    .POST(operation("jobs_retry", JOBS, "Retry a dead job", "Queues a dead job again (tenant admins).")
                            .responses(responses("200", ok("Queued again", job), 404, 409))));
            out.put("/api/v1/jobs/{id}/cancel", createPathItem().addParameter(path("id", "The job's id", string("uuid")))
                    .POST(operation("jobs_cancel", JOBS, "Cancel a queued job", "Moves a queued job to the dead letter with the "
                            + "error 'cancelled by …' (tenant admins); a retry queues it again.")
                            .responses(responses("200", ok("Cancelled", job), 404, 409))));
        }
    }

    private static void workerStep(Map<String, PathItem> out, String step, String summary, Schema request, Schema job) {
        out.put("/api/v1/jobs/{id}/" + step, createPathItem().addParameter(path("id", "The job's id", string("uuid")))
                .POST(operation("jobs_" + step, JOBS, summary, summary + " with the lease token the lease answered.")
                        .requestBody(body(request, "The lease token"))
                        .responses(responses("200", ok("The job", job), 404, 409, 422))));
    }
}
