package io.prmos.engine.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An event read from the log parses its data when first asked for, once (docs/adr/0097). */
class DomainEventTest {

    private static DomainEvent stored(String data) {
        return DomainEvent.stored(7, UUID.randomUUID(), "acme", "partners.PartnerCreated", "partners", "partner",
                UUID.randomUUID(), "urn:prm:partners:partner:x", 1L, "alice", OffsetDateTime.parse("2026-12-07T01:00:00Z"), data);
    }

    @Test
    void theStoredTextIsParsedOnFirstUseAndKept() {
        DomainEvent event = stored("{\"changes\":{\"name\":{\"old\":null,\"new\":\"Acme\"}}}");
        assertEquals("Acme", event.data().at("/changes/name/new").asText());
        assertSame(event.data(), event.data());
        assertEquals("Acme", event.envelope().at("/data/changes/name/new").asText());
        assertEquals(7, event.envelope().get("position").asLong());
    }

    @Test
    void dataThatIsNotAnObjectFailsWhenAskedForNotWhenRead() {
        DomainEvent event = stored("[1, 2]");
        assertEquals("partners.PartnerCreated", event.type());
        assertThrows(IllegalStateException.class, event::data);
    }
}
