package io.prmos.engine.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event as the log holds it once the relay has stamped its position: what subscribers, webhooks,
 * replay and streams receive. {@link #envelope()} is its public JSON form (docs/events.md).
 *
 * <p>An event read from the log keeps its data as the stored text and parses it on first use: most
 * events a relay reads are only matched by type and tenant (webhook subscriptions, automation and agent
 * triggers) and never looked into, and the parse was a fifth of the engine's CPU while loading records.
 * Each read gives its reader events of its own, so data parsed here is not shared between readers.
 *
 * <p>{@code position}: global, gap-free order in which events became visible; replay and resume use it.
 * {@code sequence}: per-record order (the record's version); {@code null} for custom events.
 */
public final class DomainEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long position;
    private final UUID id;
    private final String tenant;
    private final String type;
    private final String module;
    private final String entity;
    private final UUID recordId;
    private final String subject;
    private final Long sequence;
    private final String actor;
    private final OffsetDateTime time;
    /** The stored JSON text until {@link #data()} parsed it; {@code null} once parsed or when built from a node. */
    private volatile String dataText;
    private volatile ObjectNode data;

    public DomainEvent(long position, UUID id, String tenant, String type, String module, String entity,
                       UUID recordId, String subject, Long sequence, String actor, OffsetDateTime time, ObjectNode data) {
        this(position, id, tenant, type, module, entity, recordId, subject, sequence, actor, time, null, data);
    }

    private DomainEvent(long position, UUID id, String tenant, String type, String module, String entity, UUID recordId,
                        String subject, Long sequence, String actor, OffsetDateTime time, String dataText, ObjectNode data) {
        this.position = position;
        this.id = id;
        this.tenant = tenant;
        this.type = type;
        this.module = module;
        this.entity = entity;
        this.recordId = recordId;
        this.subject = subject;
        this.sequence = sequence;
        this.actor = actor;
        this.time = time;
        this.dataText = dataText;
        this.data = data;
    }

    /** An event as stored, its data the stored JSON text (parsed when first asked for). */
    static DomainEvent stored(long position, UUID id, String tenant, String type, String module, String entity,
                              UUID recordId, String subject, Long sequence, String actor, OffsetDateTime time, String dataText) {
        return new DomainEvent(position, id, tenant, type, module, entity, recordId, subject, sequence, actor, time,
                java.util.Objects.requireNonNull(dataText, "dataText"), null);
    }

    public long position() {
        return position;
    }

    public UUID id() {
        return id;
    }

    public String tenant() {
        return tenant;
    }

    public String type() {
        return type;
    }

    public String module() {
        return module;
    }

    public String entity() {
        return entity;
    }

    public UUID recordId() {
        return recordId;
    }

    public String subject() {
        return subject;
    }

    public Long sequence() {
        return sequence;
    }

    public String actor() {
        return actor;
    }

    public OffsetDateTime time() {
        return time;
    }

    /** The event's data; parsed from the stored text on first use (two threads may both parse: same result). */
    public ObjectNode data() {
        ObjectNode parsed = data;
        if (parsed == null) {
            String text = dataText;
            try {
                parsed = (ObjectNode) JSON.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
                throw new IllegalStateException("outbox data is not a JSON object at position " + position, e);
            }
            data = parsed;
            dataText = null;
        }
        return parsed;
    }

    @Override
    public String toString() {
        return "DomainEvent[" + type + " at " + position + ", id " + id + "]";
    }

    /** Record events are named {@code {module}.{Entity}{Operation}}; custom events are not about a record. */
    public boolean isRecordEvent() {
        return entity != null;
    }

    public ObjectNode envelope() {
        return envelope(data());
    }

    /** The envelope with another {@code data} (e.g. with fields the reader may not see removed). */
    public ObjectNode envelope(ObjectNode shownData) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", id.toString());
        out.put("type", type);
        out.put("position", position);
        out.put("tenant", tenant);
        if (subject != null) {
            out.put("subject", subject);
        }
        if (sequence != null) {
            out.put("sequence", sequence);
        }
        out.put("actor", actor);
        out.put("time", time.toInstant().toString());
        out.set("data", shownData);
        return out;
    }
}
