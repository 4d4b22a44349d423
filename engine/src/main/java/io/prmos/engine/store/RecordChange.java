package io.prmos.engine.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One record written in a transaction, as observers inside that transaction see it: the full row
 * before and after the write in the record's JSON form (every field, whatever the caller may read —
 * observers filter by permission when they expose it), and who wrote it.
 *
 * @param before the row before the write; {@code null} for a create
 * @param after  the row after the write
 */
public final class RecordChange {

    private final Operation operation;
    private final EntityDescriptor entity;
    private final Caller caller;
    private final ObjectNode before;
    private final ObjectNode after;
    /** Computed once: history, activity and the outbox all ask for it. */
    private Map<String, FieldChange> changed;
    /** {@link #changesJson()}, rendered once for the history row and the event. */
    private String changesJson;

    /** What happened to the record. */
    public enum Operation {
        CREATED, UPDATED, DELETED, RESTORED;

        /** {@code Created}, {@code Updated}, … as used in event names. */
        public String pastTense() {
            return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RecordChange(Operation operation, EntityDescriptor entity, Caller caller, ObjectNode before, ObjectNode after) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.entity = Objects.requireNonNull(entity, "entity");
        this.caller = caller;
        this.before = before;
        this.after = Objects.requireNonNull(after, "after");
    }

    public Operation operation() {
        return operation;
    }

    public EntityDescriptor entity() {
        return entity;
    }

    public Caller caller() {
        return caller;
    }

    public ObjectNode before() {
        return before;
    }

    public ObjectNode after() {
        return after;
    }

    public UUID id() {
        return UUID.fromString(after.get("id").asText());
    }

    public long version() {
        return after.get("version").asLong();
    }

    /** Declared fields whose value differs between before and after (all non-null fields for a create). */
    public Map<String, FieldChange> changedFields() {
        Map<String, FieldChange> known = changed;
        if (known == null) {
            known = java.util.Collections.unmodifiableMap(diff());
            changed = known;
        }
        return known;
    }

    /**
     * The changed fields as JSON text, {@code {"field": {"old": …, "new": …}}} with {@code null} for no
     * value, as the history stores it and the record event carries it; rendered once per change.
     */
    public String changesJson() {
        String known = changesJson;
        if (known == null) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, FieldChange> e : changedFields().entrySet()) {
                ObjectNode field = out.putObject(e.getKey());
                field.set("old", e.getValue().oldValue() == null ? JsonNodeFactory.instance.nullNode() : e.getValue().oldValue());
                field.set("new", e.getValue().newValue() == null ? JsonNodeFactory.instance.nullNode() : e.getValue().newValue());
            }
            known = out.toString();
            changesJson = known;
        }
        return known;
    }

    private Map<String, FieldChange> diff() {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        for (FieldDescriptor field : entity.fields()) {
            JsonNode now = value(after, field.name());
            JsonNode was = before == null ? null : value(before, field.name());
            boolean differs = before == null ? now != null : !Objects.equals(was, now);
            if (differs) {
                changes.put(field.name(), new FieldChange(was, now));
            }
        }
        return changes;
    }

    private static JsonNode value(ObjectNode row, String name) {
        JsonNode value = row.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** A field's value before and after; {@code null} stands for no value. */
    public record FieldChange(JsonNode oldValue, JsonNode newValue) {
    }
}
