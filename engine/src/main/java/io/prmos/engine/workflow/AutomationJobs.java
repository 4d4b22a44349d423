package io.prmos.engine.workflow;

import io.prmos.engine.jobs.JobQueue;
import io.prmos.engine.jobs.JobRequest;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.model.Automation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The automation {@code job} step: evaluates the payload and key on the event and enqueues on the
 * automation's transaction, so the job commits or rolls back with the automation's other steps. Without
 * an {@code idempotencyKey} the key is the automation, the event id and the step's index: a redelivered
 * event answers the first job instead of enqueuing a second.
 */
@ApplicationScoped
public class AutomationJobs {

    @Inject
    JobQueue queue;

    @ConfigProperty(name = "prm.jobs.max-attempts", defaultValue = "5")
    int maxAttempts;

    Uni<Void> enqueue(SqlConnection c, Caller system, Automation.EnqueueJob job, Map<String, Object> variables, String defaultKey) {
        String key = job.idempotencyKey().map(k -> String.valueOf(Automations.value(k, variables))).orElse(defaultKey);
        JobRequest request = new JobRequest(job.type(), Automations.evaluate(job.payload(), variables), key, maxAttempts, Duration.ZERO);
        request.problem().ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        return queue.enqueue(c, system, request).replaceWithVoid();
    }
}
