package io.prmos.engine.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * An event about to be written to the outbox, before the relay gives it a position.
 *
 * @param entity   the entity's simple name for record events, {@code null} for custom events
 * @param recordId the record's id for record events, {@code null} for custom events
 * @param subject  the URN of the record the event is about, when there is one
 * @param sequence the record's version after the change, for record events
 */
public record NewEvent(UUID eventId, String tenant, String type, String module, String entity, UUID recordId,
                       String subject, Long sequence, String actor, ObjectNode data) {
}
