package io.prmos.hooks;

import java.util.Map;
import java.util.UUID;

/**
 * The kernel job queue (docs/jobs.md) inside the hook's transaction: a job enqueued here exists exactly
 * when the write commits, and is rolled back with it.
 */
public interface Jobs {

    /**
     * Enqueues a job for workers of {@code type}.
     *
     * @param type           {@code module.name}, e.g. {@code deals.score}
     * @param payload        JSON-like values (maps, lists, strings, numbers, booleans, null), at most 64 KiB as JSON
     * @param idempotencyKey optional (null): a second enqueue with this key in the tenant answers the first job
     * @return the job's id (the earlier job's, when the key was used before)
     * @throws IllegalArgumentException for a malformed type, key or payload
     */
    UUID enqueue(String type, Map<String, Object> payload, String idempotencyKey);
}
