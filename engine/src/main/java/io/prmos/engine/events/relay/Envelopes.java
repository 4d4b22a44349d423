package io.prmos.engine.events.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prmos.engine.events.DomainEvent;

/** What goes on the wire: the event's envelope as JSON (as webhooks receive it), and its routing key. */
final class Envelopes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Envelopes() {
    }

    static byte[] body(DomainEvent event) {
        try {
            return JSON.writeValueAsBytes(event.envelope());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.id() + " cannot be written as JSON", e);
        }
    }

    /**
     * The partitioning key: the record's URN, so one record's events stay in one partition and in
     * order. Custom events without a subject fall back to their id (no order to keep among them).
     */
    static String key(DomainEvent event) {
        return event.subject() != null ? event.subject() : event.id().toString();
    }
}
