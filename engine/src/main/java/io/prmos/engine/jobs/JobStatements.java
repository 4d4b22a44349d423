package io.prmos.engine.jobs;

/**
 * The SQL of the job queue, on {@code prm_kernel.job} only, with bound values. Every statement runs on
 * the data role with the caller's tenant set (row-level security) and names the tenant again, so the
 * kernel filters as well as PostgreSQL.
 */
final class JobStatements {

    /** The channel an enqueue or a retry notifies at commit; long-polling leases on every instance wake up. */
    static final String CHANNEL = "prm_jobs";

    static final String COLUMNS = "id, type, payload::text AS payload, status, idempotency_key, attempts, max_attempts, run_at,"
            + " lease_token, lease_expires_at, leased_by, result::text AS result, last_error, created_at, created_by, updated_at,"
            + " finished_at";

    static final String INSERT = "INSERT INTO prm_kernel.job (id, tenant_id, type, payload, status, idempotency_key, max_attempts,"
            + " run_at, created_by) VALUES ($1, $2, $3, $4::text::jsonb, 'queued', $5, $6, now() + make_interval(secs => $7), $8)"
            + " ON CONFLICT (tenant_id, idempotency_key) DO NOTHING RETURNING " + COLUMNS;

    static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', '')";

    static final String BY_KEY = "SELECT " + COLUMNS + " FROM prm_kernel.job WHERE tenant_id = $1 AND idempotency_key = $2";

    static final String BY_ID = "SELECT " + COLUMNS + " FROM prm_kernel.job WHERE tenant_id = $1 AND id = $2";

    static final String LIST = "SELECT " + COLUMNS + " FROM prm_kernel.job WHERE tenant_id = $1"
            + " AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR type = $3)"
            + " AND ($5::timestamptz IS NULL OR (created_at, id) < ($5, $6::uuid))"
            + " ORDER BY created_at DESC, id DESC LIMIT $4";

    /** A queued job to the dead letter, with who cancelled it as its error. */
    static final String CANCEL = "UPDATE prm_kernel.job SET status = 'dead', finished_at = now(), updated_at = now(), last_error = $3"
            + " WHERE tenant_id = $1 AND id = $2 AND status = 'queued' RETURNING " + COLUMNS;

    /** Expired leases on their last attempt: dead, not leased again. */
    static final String EXPIRE_LAST_ATTEMPTS = "UPDATE prm_kernel.job SET status = 'dead', finished_at = now(), updated_at = now(),"
            + " last_error = 'the lease expired on the last attempt' WHERE tenant_id = $1 AND type = ANY($2) AND status = 'leased'"
            + " AND lease_expires_at < now() AND attempts >= max_attempts";

    /**
     * The oldest due job of the types: queued and due, or leased with an expired lease (its worker is
     * gone; that attempt counts). Skips rows another lease holds locked, so workers never wait on each other.
     */
    static final String LEASE = "WITH candidate AS (SELECT id FROM prm_kernel.job WHERE tenant_id = $1 AND type = ANY($2)"
            + " AND ((status = 'queued' AND run_at <= now()) OR (status = 'leased' AND lease_expires_at < now()"
            + " AND attempts < max_attempts)) ORDER BY run_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
            + " UPDATE prm_kernel.job j SET status = 'leased', attempts = j.attempts + 1, lease_token = $3,"
            + " lease_expires_at = now() + make_interval(secs => $4), leased_by = $5, updated_at = now(),"
            + " last_error = CASE WHEN j.status = 'leased' THEN 'the lease expired' ELSE j.last_error END"
            + " FROM candidate WHERE j.id = candidate.id RETURNING " + prefixed("j");

    static final String HEARTBEAT = "UPDATE prm_kernel.job SET lease_expires_at = now() + make_interval(secs => $4), updated_at = now()"
            + " WHERE tenant_id = $1 AND id = $2 AND lease_token = $3 AND status = 'leased' RETURNING " + COLUMNS;

    static final String COMPLETE = "UPDATE prm_kernel.job SET status = 'done', result = $4::text::jsonb, lease_expires_at = NULL,"
            + " finished_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = $2 AND lease_token = $3 AND status = 'leased'"
            + " RETURNING " + COLUMNS;

    /**
     * A failed attempt: queued again after an exponential backoff with equal jitter ($5 initial seconds,
     * doubling per attempt, capped at $6) while attempts remain and the worker asks for a retry; dead otherwise.
     */
    static final String FAIL = "UPDATE prm_kernel.job SET status = CASE WHEN $4 AND attempts < max_attempts THEN 'queued' ELSE 'dead' END,"
            + " run_at = CASE WHEN $4 AND attempts < max_attempts THEN now() + make_interval(secs =>"
            + " least($6::float8, $5::float8 * power(2, attempts - 1)) * (0.5 + random() / 2)) ELSE run_at END,"
            + " finished_at = CASE WHEN $4 AND attempts < max_attempts THEN NULL ELSE now() END,"
            + " last_error = $7, lease_expires_at = NULL, updated_at = now()"
            + " WHERE tenant_id = $1 AND id = $2 AND lease_token = $3 AND status = 'leased' RETURNING " + COLUMNS;

    static final String RETRY = "UPDATE prm_kernel.job SET status = 'queued', attempts = 0, run_at = now(), lease_token = NULL,"
            + " lease_expires_at = NULL, leased_by = NULL, finished_at = NULL, updated_at = now()"
            + " WHERE tenant_id = $1 AND id = $2 AND status = 'dead' RETURNING " + COLUMNS;

    private static String prefixed(String alias) {
        return alias + ".id, " + alias + ".type, " + alias + ".payload::text AS payload, " + alias + ".status, " + alias
                + ".idempotency_key, " + alias + ".attempts, " + alias + ".max_attempts, " + alias + ".run_at, " + alias
                + ".lease_token, " + alias + ".lease_expires_at, " + alias + ".leased_by, " + alias + ".result::text AS result, "
                + alias + ".last_error, " + alias + ".created_at, " + alias + ".created_by, " + alias + ".updated_at, " + alias
                + ".finished_at";
    }

    private JobStatements() {
    }
}
