package io.prmos.engine.events.webhook;

/** SQL of the webhook tables (prm_kernel), bound values only; run on the owner's pool. */
final class WebhookStatements {

    static final String SUBSCRIPTION_COLUMNS = "id, tenant_id, name, pattern, url, secret, source, module, active, created_at, created_by";

    static final String INSERT = "INSERT INTO prm_kernel.webhook_subscription (" + SUBSCRIPTION_COLUMNS + ")"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), $10)";

    static final String LIST = "SELECT " + SUBSCRIPTION_COLUMNS + " FROM prm_kernel.webhook_subscription"
            + " WHERE tenant_id = $1 AND source = 'api' ORDER BY created_at, id";

    static final String ONE = "SELECT " + SUBSCRIPTION_COLUMNS + " FROM prm_kernel.webhook_subscription"
            + " WHERE id = $1 AND tenant_id = $2";

    static final String UPDATE = "UPDATE prm_kernel.webhook_subscription SET name = $3, pattern = $4, url = $5, active = $6"
            + " WHERE id = $1 AND tenant_id = $2 AND source = 'api'";

    static final String DELETE = "DELETE FROM prm_kernel.webhook_subscription WHERE id = $1 AND tenant_id = $2 AND source = 'api'";

    /** Subscriptions that may receive an event of this tenant (patterns are matched in Java). */
    static final String ACTIVE_FOR_TENANT = "SELECT id, pattern FROM prm_kernel.webhook_subscription"
            + " WHERE active AND (tenant_id IS NULL OR tenant_id = $1)";

    static final String MANIFEST_UPSERT = "INSERT INTO prm_kernel.webhook_subscription (" + SUBSCRIPTION_COLUMNS + ")"
            + " VALUES ($1, $2, $3, $4, $5, $6, 'manifest', $7, true, now(), 'system')"
            + " ON CONFLICT (module, name) WHERE source = 'manifest'"
            + " DO UPDATE SET tenant_id = excluded.tenant_id, pattern = excluded.pattern, url = excluded.url,"
            + " secret = excluded.secret, active = true";

    static final String MANIFEST_RETIRE = "UPDATE prm_kernel.webhook_subscription SET active = false"
            + " WHERE source = 'manifest' AND NOT ((module || '/' || name) = ANY($1))";

    /** The fan-out: one delivery per (subscription, event), so a repeated hand-over adds nothing. */
    /** Subscriptions that may receive an event of any of these tenants (patterns are matched in Java). */
    static final String ACTIVE_FOR_TENANTS = "SELECT id, pattern, tenant_id FROM prm_kernel.webhook_subscription"
            + " WHERE active AND (tenant_id IS NULL OR tenant_id = ANY($1))";

    /** Pending deliveries of a batch of events, one per (subscription, event), in the order given. */
    static final String ENQUEUE = "INSERT INTO prm_kernel.webhook_delivery (subscription_id, event_id, position, subject, status)"
            + " SELECT d.subscription_id, d.event_id, d.position, d.subject, 'pending'"
            + " FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::text[]) WITH ORDINALITY"
            + " AS d(subscription_id, event_id, position, subject, n) ORDER BY d.n"
            + " ON CONFLICT ON CONSTRAINT webhook_delivery_once DO NOTHING";

    /**
     * Claims due deliveries with a lease (their next attempt moves past the send timeout, so a crashed
     * instance's claims come due again). A delivery waits while an earlier one of the same record to the
     * same subscription is pending: order per record holds across retries. Saturated subscriptions are
     * left out, so one slow receiver cannot take every claim.
     */
    static final String CLAIM = "WITH due AS (SELECT d.id FROM prm_kernel.webhook_delivery d"
            + " WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND NOT (d.subscription_id = ANY($3))"
            + " AND NOT EXISTS (SELECT 1 FROM prm_kernel.webhook_delivery e WHERE e.subscription_id = d.subscription_id"
            + "   AND e.subject = d.subject AND e.status = 'pending' AND e.position < d.position)"
            + " ORDER BY d.position LIMIT $1 FOR UPDATE SKIP LOCKED)"
            + " UPDATE prm_kernel.webhook_delivery w SET next_attempt_at = now() + $2 * interval '1 millisecond'"
            + " FROM due, prm_kernel.webhook_subscription s, prm_kernel.event_outbox o"
            + " WHERE w.id = due.id AND s.id = w.subscription_id AND o.event_id = w.event_id"
            + " RETURNING w.id, w.subscription_id, w.attempts, s.url, s.secret,"
            + " o.position, o.event_id, o.tenant_id, o.type, o.module, o.entity, o.record_id, o.subject, o.sequence,"
            + " o.actor, o.occurred_at, o.data";

    static final String DELIVERED = "UPDATE prm_kernel.webhook_delivery SET status = 'delivered', attempts = attempts + 1,"
            + " last_status = $2, last_error = NULL, delivered_at = now() WHERE id = $1";

    /** A failed attempt: retried after the given delay, or dead when the attempts are used up. */
    static final String FAILED = "UPDATE prm_kernel.webhook_delivery SET attempts = attempts + 1, last_status = $2, last_error = $3,"
            + " status = CASE WHEN attempts + 1 >= $4 THEN 'dead' ELSE 'pending' END,"
            + " next_attempt_at = now() + $5 * interval '1 millisecond' WHERE id = $1";

    static final String ATTEMPT = "INSERT INTO prm_kernel.webhook_attempt (delivery_id, status, error, duration_ms) VALUES ($1, $2, $3, $4)";

    static final String DELIVERIES = "SELECT d.id, d.event_id, d.position, d.subject, d.status, d.attempts, d.next_attempt_at,"
            + " d.last_status, d.last_error, d.created_at, d.delivered_at, o.type FROM prm_kernel.webhook_delivery d"
            + " JOIN prm_kernel.event_outbox o ON o.event_id = d.event_id"
            + " WHERE d.subscription_id = $1 AND ($2::varchar IS NULL OR d.status = $2) ORDER BY d.id DESC LIMIT $3";

    static final String REDELIVER = "UPDATE prm_kernel.webhook_delivery SET status = 'pending', attempts = 0, next_attempt_at = now()"
            + " WHERE id = $1 AND subscription_id = $2";

    private WebhookStatements() {
    }
}
