package io.prmos.engine.hooks;

import io.prmos.engine.jobs.JobQueue;
import io.prmos.engine.jobs.JobRequest;
import io.prmos.engine.security.Caller;
import io.prmos.hooks.Jobs;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The SPI's {@link Jobs} of one hook call: enqueues on the write's connection, so the job commits or rolls back with it. */
@ApplicationScoped
public class HookJobs {

    @Inject
    JobQueue queue;

    @ConfigProperty(name = "prm.jobs.max-attempts", defaultValue = "5")
    int maxAttempts;

    Jobs on(HookCall call, SqlConnection connection, Caller caller) {
        return (type, payload, idempotencyKey) -> {
            call.ensureOpen();
            JobRequest request = new JobRequest(type, RecordMaps.toJson(payload == null ? Map.of() : payload), idempotencyKey,
                    maxAttempts, Duration.ZERO);
            request.problem().ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            return call.await(queue.enqueue(connection, caller, request)).job().id();
        };
    }
}
