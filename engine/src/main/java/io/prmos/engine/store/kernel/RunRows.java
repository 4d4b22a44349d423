package io.prmos.engine.store.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.TenantTransactions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code prm_kernel.agent_run} and its events. Every statement runs in the run's tenant (row-level
 * security); only {@link #failAbandoned} runs as the owner, across tenants, at start. Events of a run
 * are numbered under a lock of the run's row, so the runner and a cancel never take the same number.
 */
public final class RunRows {

    private static final String COLUMNS = "id, module, agent, agent_version, trigger, trigger_key, principal, principal_name,"
            + " principal_roles, acts_as_agent, status, reason, input, instructions, output, steps, tokens_in, tokens_out, elapsed_ms,"
            + " pending_call, created_at, finished_at";
    private static final String INSERT = "INSERT INTO prm_kernel.agent_run (id, tenant_id, module, agent, agent_version, trigger,"
            + " trigger_key, principal, principal_name, principal_roles, acts_as_agent, status, input, instructions)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'queued', $12, $13)"
            + " ON CONFLICT (tenant_id, module, agent, trigger_key) DO NOTHING RETURNING id";
    private static final String GET = "SELECT " + COLUMNS + " FROM prm_kernel.agent_run WHERE tenant_id = $1 AND id = $2";
    private static final String LIST = "SELECT " + COLUMNS + " FROM prm_kernel.agent_run WHERE tenant_id = $1"
            + " AND ($2::text IS NULL OR principal = $2) AND ($3::text IS NULL OR module || '.' || agent = $3)"
            + " AND ($4::text IS NULL OR status = $4) AND ($6::text IS NULL OR input ->> 'record' = $6)"
            + " AND ($7::timestamptz IS NULL OR (created_at, id) < ($7, $8)) ORDER BY created_at DESC, id DESC LIMIT $5";
    // $3 is used as a column value and in an IN list: typed once, or PostgreSQL deduces two types for it (42P08)
    private static final String STATUS = "UPDATE prm_kernel.agent_run SET status = $3::text, reason = $4, pending_call = $5,"
            + " finished_at = CASE WHEN $3::text IN ('succeeded', 'failed', 'cancelled', 'timed_out') THEN now() END, heartbeat_at = now()"
            + " WHERE tenant_id = $1 AND id = $2 AND status = ANY($6) RETURNING id";
    private static final String PROGRESS = "UPDATE prm_kernel.agent_run SET steps = $3, tokens_in = $4, tokens_out = $5, elapsed_ms = $6,"
            + " output = $7, heartbeat_at = now() WHERE tenant_id = $1 AND id = $2";
    private static final String LOCK = "SELECT status FROM prm_kernel.agent_run WHERE tenant_id = $1 AND id = $2 FOR UPDATE";
    private static final String APPEND = "INSERT INTO prm_kernel.agent_run_event (run_id, seq, tenant_id, kind, data)"
            + " SELECT $2, coalesce(max(seq), 0) + 1, $1, $3, $4 FROM prm_kernel.agent_run_event WHERE run_id = $2 RETURNING seq, created_at";
    private static final String EVENTS = "SELECT seq, kind, data, created_at FROM prm_kernel.agent_run_event"
            + " WHERE tenant_id = $1 AND run_id = $2 AND seq > $3 ORDER BY seq";
    private static final String ABANDONED = "UPDATE prm_kernel.agent_run SET status = 'failed', reason = $1, finished_at = now(),"
            + " pending_call = NULL WHERE status IN ('queued', 'running') AND heartbeat_at < now() - make_interval(secs => $2)"
            + " RETURNING id, tenant_id";
    private static final String ABANDONED_EVENT = "INSERT INTO prm_kernel.agent_run_event (run_id, seq, tenant_id, kind, data)"
            + " SELECT $1, coalesce(max(seq), 0) + 1, $2, 'status', $3 FROM prm_kernel.agent_run_event WHERE run_id = $1";
    private static final String BEAT = "UPDATE prm_kernel.agent_run SET heartbeat_at = now() WHERE id = ANY($1)"
            + " AND status IN ('queued', 'running')";
    private static final String CLAIM_FIRE = "INSERT INTO prm_kernel.agent_schedule_fire (agent, fire_time, instance)"
            + " VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING agent";
    /**
     * The tenants that have written anything: a loose index scan over the index of stamped events by
     * (tenant_id, position), which holds stamped events only (V151), hence the condition on position.
     * Public for the check of its plan (OutboxSpec).
     */
    public static final String TENANTS = "WITH RECURSIVE t AS (SELECT min(tenant_id) AS id FROM prm_kernel.event_outbox"
            + " WHERE position IS NOT NULL UNION ALL SELECT (SELECT min(tenant_id) FROM prm_kernel.event_outbox"
            + " WHERE position IS NOT NULL AND tenant_id > t.id) FROM t WHERE t.id IS NOT NULL)"
            + " SELECT id FROM t WHERE id IS NOT NULL";

    /** A new run as the runner stores it before it starts. */
    public record NewRun(UUID id, String module, String agent, String agentVersion, String trigger, String triggerKey,
                         Caller principal, boolean actsAsAgent, JsonNode input, String instructions) {
    }

    /** One stored event of a run. */
    public record Event(int seq, String kind, ObjectNode data, String at) {
    }

    private final TenantTransactions transactions;
    private final Pool owner;

    public RunRows(TenantTransactions transactions, Pool owner) {
        this.transactions = transactions;
        this.owner = owner;
    }

    /** Stores a queued run; false when its trigger key (an event) already started this agent in the tenant. */
    public Uni<Boolean> insert(NewRun run) {
        Caller p = run.principal();
        Tuple values = Tuple.tuple().addUUID(run.id()).addString(p.tenant()).addString(run.module()).addString(run.agent())
                .addString(run.agentVersion()).addString(run.trigger()).addString(run.triggerKey()).addString(p.user())
                .addString(p.userName()).addArrayOfString(p.roles().stream().sorted().toArray(String[]::new))
                .addBoolean(run.actsAsAgent()).addValue(json(run.input())).addString(run.instructions());
        return transactions.run(p, c -> c.preparedQuery(INSERT).execute(values).map(rows -> rows.size() > 0));
    }

    public Uni<Optional<ObjectNode>> get(Caller caller, UUID id) {
        return transactions.run(caller, c -> c.preparedQuery(GET).execute(Tuple.of(caller.tenant(), id))
                .map(rows -> rows.size() == 0 ? Optional.<ObjectNode>empty() : Optional.of(Rows.json(rows.iterator().next()))));
    }

    /** Runs of the tenant, newest first; {@code principal} limits them to one user's. */
    /** Which runs, newest first: each filter applies when not null; {@code before} is the cursor of the previous page's last run. */
    public record Query(String principal, String agent, String status, String record, Cursor before, int limit) {
    }

    /** A position in the newest-first order: a run's creation time and id. */
    public record Cursor(OffsetDateTime createdAt, UUID id) {
    }

    public Uni<ArrayNode> list(Caller caller, Query q) {
        Tuple values = Tuple.tuple().addString(caller.tenant()).addString(q.principal()).addString(q.agent()).addString(q.status())
                .addInteger(q.limit()).addString(q.record()).addOffsetDateTime(q.before() == null ? null : q.before().createdAt())
                .addUUID(q.before() == null ? null : q.before().id());
        return transactions.run(caller, c -> c.preparedQuery(LIST).execute(values).map(Rows::all));
    }

    /** Moves the run to {@code status} if it is in one of {@code from}; false otherwise (it moved meanwhile). */
    public Uni<Boolean> status(Caller tenant, UUID id, String status, String reason, JsonNode pendingCall, List<String> from) {
        Tuple values = Tuple.tuple().addString(tenant.tenant()).addUUID(id).addString(status).addString(reason)
                .addValue(pendingCall == null ? null : json(pendingCall)).addArrayOfString(from.toArray(String[]::new));
        return transactions.run(tenant, c -> c.preparedQuery(STATUS).execute(values).map(rows -> rows.size() > 0));
    }

    public Uni<Void> progress(Caller tenant, UUID id, int steps, int tokensIn, int tokensOut, long elapsedMs, JsonNode output) {
        Tuple values = Tuple.tuple().addString(tenant.tenant()).addUUID(id).addInteger(steps).addInteger(tokensIn).addInteger(tokensOut)
                .addLong(elapsedMs).addValue(output == null ? null : json(output));
        return transactions.run(tenant, c -> c.preparedQuery(PROGRESS).execute(values).replaceWithVoid());
    }

    /** Appends an event and answers its number. */
    public Uni<Event> append(Caller tenant, UUID id, String kind, ObjectNode data) {
        return transactions.run(tenant, c -> c.preparedQuery(LOCK).execute(Tuple.of(tenant.tenant(), id))
                .flatMap(x -> c.preparedQuery(APPEND).execute(Tuple.of(tenant.tenant(), id, kind, json(data))))
                .map(rows -> new Event(rows.iterator().next().getInteger(0), kind, data,
                        rows.iterator().next().getOffsetDateTime(1).toString())));
    }

    public Uni<List<Event>> events(Caller tenant, UUID id, int after) {
        return transactions.run(tenant, c -> c.preparedQuery(EVENTS).execute(Tuple.of(tenant.tenant(), id, after))
                .map(rows -> {
                    List<Event> out = new java.util.ArrayList<>();
                    rows.forEach(row -> {
                        ObjectNode json = Rows.json(row);
                        out.add(new Event(row.getInteger(0), row.getString(1), (ObjectNode) json.get("data"), json.path("created_at").asText()));
                    });
                    return out;
                }));
    }

    /**
     * As the owner, across tenants: runs left queued or running by an instance that stopped beating for
     * {@code staleSeconds} are failed with {@code reason}; answers how many.
     */
    public Uni<Integer> failAbandoned(String reason, int staleSeconds, ObjectNode statusEvent) {
        return owner.withTransaction(c -> c.preparedQuery(ABANDONED).execute(Tuple.of(reason, staleSeconds)).flatMap(rows -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            int[] count = {0};
            for (var row : rows) {
                count[0]++;
                UUID id = row.getUUID(0);
                String tenant = row.getString(1);
                chain = chain.flatMap(x -> c.preparedQuery(ABANDONED_EVENT).execute(Tuple.of(id, tenant, json(statusEvent))).replaceWithVoid());
            }
            return chain.map(x -> count[0]);
        }));
    }

    /** As the owner: the runs this instance holds are alive (see {@link #failAbandoned}). */
    public Uni<Void> beat(List<UUID> ids) {
        return owner.preparedQuery(BEAT).execute(Tuple.of(ids.toArray(UUID[]::new))).replaceWithVoid();
    }

    /** Claims one scheduled time of an agent for this instance; false when another instance claimed it. */
    public Uni<Boolean> claimFire(String agent, java.time.OffsetDateTime fireTime, String instance) {
        return owner.withTransaction(c -> c.preparedQuery(CLAIM_FIRE).execute(Tuple.of(agent, fireTime, instance)).map(rows -> rows.size() > 0));
    }

    /** As the owner: the tenants known to the engine, those with at least one event in the log. */
    public Uni<List<String>> tenants() {
        return owner.preparedQuery(TENANTS).execute().map(rows -> {
            List<String> out = new java.util.ArrayList<>();
            rows.forEach(row -> out.add(row.getString(0)));
            return out;
        });
    }

    private static Object json(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isArray() ? new JsonArray(node.toString()) : new JsonObject(node.toString());
    }
}
