package io.prmos.engine.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event as the log holds it once the relay has stamped its position: what subscribers, webhooks,
 * replay and streams receive. {@link #envelope()} is its public JSON form (docs/events.md).
 *
 * @param position global, gap-free order in which events became visible; replay and resume use it
 * @param sequence per-record order (the record's version); {@code null} for custom events
 */
public record DomainEvent(long position, UUID id, String tenant, String type, String module, String entity,
                          UUID recordId, String subject, Long sequence, String actor, OffsetDateTime time, ObjectNode data) {

    /** Record events are named {@code {module}.{Entity}{Operation}}; custom events are not about a record. */
    public boolean isRecordEvent() {
        return entity != null;
    }

    public ObjectNode envelope() {
        return envelope(data);
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
