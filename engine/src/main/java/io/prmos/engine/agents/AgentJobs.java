package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.jobs.JobQueue;
import io.prmos.engine.jobs.JobRequest;
import io.prmos.engine.jobs.JobRoles;
import io.prmos.engine.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tool {@code kernel.enqueue_job}: a job of a type the agent declares (or, for a caller holding
 * {@code admin} or {@code job_worker}, of any type), enqueued in the principal's tenant and attributed to it.
 * A type not granted is a 403 tool error; a malformed call a 422.
 */
@ApplicationScoped
public class AgentJobs {

    @Inject
    JobQueue queue;

    @ConfigProperty(name = "prm.jobs.max-attempts", defaultValue = "5")
    int maxAttempts;

    Uni<ObjectNode> enqueue(Caller caller, JsonNode args, List<String> granted) {
        String type = args.path("type").asText("");
        boolean worker = caller.roles().contains(Caller.ADMIN_ROLE) || caller.roles().contains(JobRoles.WORKER);
        if (!granted.contains(type) && !worker) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "jobs of type '" + type + "' may not be enqueued here; allowed: "
                    + granted, List.of());
        }
        JsonNode payload = args.hasNonNull("payload") ? args.get("payload") : JsonNodeFactory.instance.objectNode();
        String key = args.hasNonNull("idempotencyKey") ? args.get("idempotencyKey").asText() : null;
        JobRequest request = new JobRequest(type, payload, key, maxAttempts, Duration.ZERO);
        request.problem().ifPresent(problem -> {
            throw new ApiProblem(422, "validation", "Invalid arguments", problem, List.of());
        });
        return queue.enqueue(caller, request).map(enqueued -> enqueued.job().json().put("created", enqueued.created()));
    }
}
