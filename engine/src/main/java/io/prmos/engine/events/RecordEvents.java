package io.prmos.engine.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.store.RecordChange;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.engine.query.Urn;
import java.util.Map;
import java.util.UUID;

/** Turns a record change into its domain event: name, URN, sequence and the changed fields. */
public final class RecordEvents {

    private RecordEvents() {
    }

    /** {@code partners.PartnerUpdated}. */
    public static String type(EntityDescriptor entity, RecordChange.Operation operation) {
        return entity.module() + "." + entity.name() + operation.pastTense();
    }

    /** {@code urn:prm:partners:partner:<uuid>}, as the registry names records (query.Urn). */
    public static String urn(EntityDescriptor entity, UUID id) {
        return Urn.of(entity, id.toString()).toString();
    }

    /** The event of {@code change} without its data, which {@link #dataJson} renders as text for the outbox row. */
    static NewEvent envelope(RecordChange change) {
        EntityDescriptor entity = change.entity();
        return new NewEvent(UUID.randomUUID(), change.caller().tenant(), type(entity, change.operation()), entity.module(),
                entity.name(), change.id(), urn(entity, change.id()), sequence(change), change.caller().user(), null);
    }

    public static NewEvent of(RecordChange change) {
        EntityDescriptor entity = change.entity();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("entity", entity.qualifiedName());
        data.put("id", change.id().toString());
        data.put("version", sequence(change));
        ObjectNode changes = data.putObject("changes");
        for (Map.Entry<String, RecordChange.FieldChange> field : change.changedFields().entrySet()) {
            ObjectNode values = changes.putObject(field.getKey());
            values.set("old", field.getValue().oldValue() == null ? JsonNodeFactory.instance.nullNode() : field.getValue().oldValue());
            values.set("new", field.getValue().newValue() == null ? JsonNodeFactory.instance.nullNode() : field.getValue().newValue());
        }
        return new NewEvent(UUID.randomUUID(), change.caller().tenant(), type(entity, change.operation()), entity.module(),
                entity.name(), change.id(), urn(entity, change.id()), sequence(change), change.caller().user(), data);
    }

    /**
     * The event's {@code data} as JSON text, the same object {@link #of} builds, with the changed
     * fields rendered once for history and event alike ({@link RecordChange#changesJson()}).
     */
    static String dataJson(RecordChange change) {
        return "{\"entity\":" + JsonNodeFactory.instance.textNode(change.entity().qualifiedName()) + ",\"id\":\"" + change.id()
                + "\",\"version\":" + sequence(change) + ",\"changes\":" + change.changesJson() + "}";
    }

    /**
     * The record's version after the change. A hard delete (an entity without soft delete) does not
     * bump the version — its images are the removed row — so it is one past the last version.
     */
    static long sequence(RecordChange change) {
        boolean hardDelete = change.operation() == RecordChange.Operation.DELETED && change.before() != null
                && change.before().path("version").asLong() == change.version();
        return hardDelete ? change.version() + 1 : change.version();
    }
}
