package io.prmos.modules.deals;

import java.math.BigDecimal;
import java.util.List;

/**
 * The tier a partner's won-deal total earns: registered below 50,000; silver from 50,000; gold from
 * 250,000; platinum from 1,000,000 (amounts summed as they are, whatever their currency).
 */
final class PartnerTiers {

    static final List<String> ORDER = List.of("registered", "silver", "gold", "platinum");

    private PartnerTiers() {
    }

    static String earnedBy(BigDecimal wonTotal) {
        if (wonTotal.compareTo(new BigDecimal("1000000")) >= 0) {
            return "platinum";
        }
        if (wonTotal.compareTo(new BigDecimal("250000")) >= 0) {
            return "gold";
        }
        if (wonTotal.compareTo(new BigDecimal("50000")) >= 0) {
            return "silver";
        }
        return "registered";
    }

    /** Tiers only go up automatically: a demotion is a decision for a partner manager. */
    static boolean isPromotion(String from, String to) {
        return ORDER.indexOf(to) > ORDER.indexOf(from);
    }
}
