package io.prmos.engine.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

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
}
