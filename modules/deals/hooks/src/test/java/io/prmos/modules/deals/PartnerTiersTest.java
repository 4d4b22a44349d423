package io.prmos.modules.deals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PartnerTiersTest {

    @Test
    void theThresholdsAreInclusive() {
        assertEquals("registered", PartnerTiers.earnedBy(new BigDecimal("49999.99")));
        assertEquals("silver", PartnerTiers.earnedBy(new BigDecimal("50000")));
        assertEquals("gold", PartnerTiers.earnedBy(new BigDecimal("250000.00")));
        assertEquals("platinum", PartnerTiers.earnedBy(new BigDecimal("1000000")));
    }

    @Test
    void onlyPromotionsAreAutomatic() {
        assertTrue(PartnerTiers.isPromotion("registered", "gold"));
        assertFalse(PartnerTiers.isPromotion("platinum", "gold"));
        assertFalse(PartnerTiers.isPromotion("gold", "gold"));
    }

    @Test
    void theHookCarriesItsId() {
        assertEquals("deals.RecomputePartnerTier", new RecomputePartnerTier().id());
    }
}
