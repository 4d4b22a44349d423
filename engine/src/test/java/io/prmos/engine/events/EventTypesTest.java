package io.prmos.engine.events;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void patternsMatchExactNamesPrefixesAndModules() {
        EventTypes types = EventTypes.parse("partners.Partner*, deals.DealClosed");
        assertTrue(types.matches("partners.PartnerUpdated"));
        assertTrue(types.matches("partners.PartnerTierChanged"));
        assertTrue(types.matches("deals.DealClosed"));
        assertFalse(types.matches("deals.DealCreated"));
        assertFalse(types.matches("people.PersonCreated"));
        assertTrue(EventTypes.parse("people.*").matches("people.PersonDeleted"));
        assertFalse(EventTypes.parse("people.*").matches("peoplex.ThingCreated"));
        assertTrue(EventTypes.parse(null).matches("anything.AtAll"));
    }
}
