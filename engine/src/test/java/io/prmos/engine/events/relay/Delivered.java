package io.prmos.engine.events.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What a broker consumer received, in arrival order, and the checks a deduplicating worker relies on. */
final class Delivered {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Message(UUID headerId, String key, JsonNode envelope) {
    }

    private final List<Message> messages = new ArrayList<>();

    synchronized void add(String headerId, String key, byte[] body) {
        try {
            messages.add(new Message(UUID.fromString(headerId), key, JSON.readTree(body)));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(body), e);
        }
    }

    synchronized Set<UUID> ids() {
        Set<UUID> out = new HashSet<>();
        messages.forEach(m -> out.add(m.headerId()));
        return out;
    }

    synchronized int size() {
        return messages.size();
    }

    /**
     * Every expected event arrived (at least once), its header id is its envelope's id, its key (if the
     * broker has keys) its record's URN; and after dropping repeated ids, each record's events arrive in
     * sequence order.
     */
    synchronized void assertComplete(List<Burst.Expected> expected, boolean keyed) {
        Set<UUID> seen = new HashSet<>();
        Map<String, Long> lastSequence = new HashMap<>();
        Set<UUID> wanted = new HashSet<>();
        expected.forEach(e -> wanted.add(e.id()));
        for (Message m : messages) {
            assertEquals(m.headerId().toString(), m.envelope().path("id").asText(), "event-id header = envelope id");
            if (keyed) {
                assertEquals(m.envelope().path("subject").asText(), m.key(), "key = record URN");
            }
            if (!wanted.contains(m.headerId()) || !seen.add(m.headerId())) {
                continue; // not the burst's, or a repeat a worker drops by its id
            }
            String subject = m.envelope().path("subject").asText();
            long sequence = m.envelope().path("sequence").asLong();
            Long before = lastSequence.put(subject, sequence);
            assertTrue(before == null || before < sequence, subject + ": sequence " + sequence + " after " + before);
        }
        Set<UUID> missing = new HashSet<>(wanted);
        missing.removeAll(seen);
        assertEquals(Set.of(), missing, "events lost: " + missing.size() + " of " + wanted.size());
    }
}
