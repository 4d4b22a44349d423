package io.prmos.engine.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;

/**
 * A job to enqueue.
 *
 * @param type           {@code module.name}, e.g. {@code deals.score}; workers lease by type
 * @param payload        a JSON object, handed to the worker as is
 * @param idempotencyKey optional: a second enqueue with the same key in the tenant answers the first job
 * @param maxAttempts    leases before the job is dead (1–100)
 * @param delay          how long from now the job waits before it may be leased
 */
public record JobRequest(String type, JsonNode payload, String idempotencyKey, int maxAttempts, Duration delay) {

    /** What is wrong with this request as the queue's API would judge it (type, key, payload), if anything. */
    public Optional<String> problem() {
        if (type == null || !JobRequests.TYPE.matcher(type).matches()) {
            return Optional.of("job type '" + type + "' is not module.name, e.g. deals.score");
        }
        if (idempotencyKey != null && !JobRequests.KEY.matcher(idempotencyKey).matches()) {
            return Optional.of("a job's idempotency key is 1 to 200 visible ASCII characters");
        }
        if (payload == null || !payload.isObject()) {
            return Optional.of("a job's payload is a JSON object");
        }
        if (payload.toString().length() > JobRequests.MAX_JSON) {
            return Optional.of("a job's payload is larger than 64 KiB");
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            return Optional.of("a job's maxAttempts is 1 to 100");
        }
        return Optional.empty();
    }
}
