package io.prmos.engine.events;

import io.prmos.engine.store.Append;

/**
 * The SQL of the event log, all on {@code prm_kernel} tables with bound values only. It lives here
 * rather than in {@code store} because only the events package reads or writes these tables
 * (SqlAssemblyTest allows this package for that reason).
 */
final class OutboxStatements {

    /** The channel relays LISTEN on to deliver without waiting for a poll. */
    static final String CHANNEL = "prm_events";

    /** Sent by a relay whose stamp gave events positions: the other instances' relays wake (docs/adr/0096). */
    static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', '')";

    /** A single event written inside the writer's transaction (catalog and custom events); the NOTIFY is delivered at commit only. */
    static final String INSERT = "WITH written AS (INSERT INTO prm_kernel.event_outbox"
            + " (event_id, tenant_id, type, module, entity, record_id, subject, sequence, actor, data)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id)"
            + " SELECT pg_notify('" + CHANNEL + "', '') FROM written";

    private static final java.util.List<String> APPEND_COLUMNS = java.util.List.of("event_id", "tenant_id", "type", "module",
            "entity", "record_id", "subject", "sequence", "actor", "data").stream()
            .map(io.prmos.engine.sql.SqlIdentifier::quote).toList();
    private static final java.util.List<String> APPEND_TYPES = java.util.List.of(Append.UUID, Append.TEXT, Append.TEXT,
            Append.TEXT, Append.TEXT, Append.UUID, Append.TEXT, Append.BIGINT, Append.TEXT, Append.JSONB);

    /**
     * The outbox rows of {@code events}, the same columns {@link #INSERT} writes, for a record writer to
     * append with other observers' rows in one statement; it notifies nobody (docs/adr/0096).
     * {@code data.get(i)} is the JSON text of {@code events.get(i)}'s data.
     */
    static Append rows(java.util.List<NewEvent> events, java.util.List<String> data) {
        java.util.List<String[]> rows = new java.util.ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            NewEvent e = events.get(i);
            rows.add(new String[] {e.eventId().toString(), e.tenant(), e.type(), e.module(), e.entity(), Append.text(e.recordId()),
                e.subject(), Append.text(e.sequence()), e.actor(), data.get(i)});
        }
        return new Append(io.prmos.engine.sql.SqlIdentifier.qualified("prm_kernel", "event_outbox"), APPEND_COLUMNS,
                APPEND_TYPES, rows);
    }

    /** Stampers take turns on this transaction-scoped lock (the key spells "events" in no particular way). */
    static final String LOCK_STAMPING = "SELECT pg_advisory_xact_lock(7340040)";

    /**
     * Gives committed, unstamped events the next positions in insertion order. Run after
     * {@link #LOCK_STAMPING} in the same transaction, so stampers take turns and positions only grow
     * in the order readers can see them.
     */
    static final String STAMP = "UPDATE prm_kernel.event_outbox o SET position = base.top + next.n"
            + " FROM (SELECT coalesce(max(position), 0) AS top FROM prm_kernel.event_outbox) base,"
            + " (SELECT id, row_number() OVER (ORDER BY id) AS n FROM"
            + "   (SELECT id FROM prm_kernel.event_outbox WHERE position IS NULL ORDER BY id LIMIT $1) u) next"
            + " WHERE o.id = next.id RETURNING o.position";

    /**
     * The data comes as text: EventLog parses it once into Jackson, instead of the client decoding jsonb
     * into a Vert.x object that is then encoded again (every subscriber reads every event).
     */
    static final String COLUMNS = "position, event_id, tenant_id, type, module, entity, record_id, subject, sequence,"
            + " actor, occurred_at, data::text AS data";

    static final String AFTER = "SELECT " + COLUMNS + " FROM prm_kernel.event_outbox"
            + " WHERE position > $1 ORDER BY position LIMIT $2";

    static final String AFTER_FOR_TENANT = "SELECT " + COLUMNS + " FROM prm_kernel.event_outbox"
            + " WHERE tenant_id = $1 AND position > $2 ORDER BY position LIMIT $3";

    static final String LAST_POSITION = "SELECT coalesce(max(position), 0) FROM prm_kernel.event_outbox";

    static final String PROGRESS_ENSURE = "INSERT INTO prm_kernel.event_subscriber_progress (subscriber, position)"
            + " VALUES ($1, $2) ON CONFLICT (subscriber) DO NOTHING";

    /** One instance consumes for a subscriber at a time; the others skip it instead of waiting. */
    static final String PROGRESS_LOCK = "SELECT position FROM prm_kernel.event_subscriber_progress"
            + " WHERE subscriber = $1 FOR UPDATE SKIP LOCKED";

    static final String PROGRESS_SAVE = "UPDATE prm_kernel.event_subscriber_progress SET position = $2, updated_at = now()"
            + " WHERE subscriber = $1";

    private OutboxStatements() {
    }
}
