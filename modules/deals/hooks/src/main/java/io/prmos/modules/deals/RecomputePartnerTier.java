package io.prmos.modules.deals;

import io.prmos.hooks.AfterContext;
import io.prmos.hooks.HookId;
import io.prmos.hooks.RecordHook;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * After a deal is created, updated or deleted: recomputes the won-deal total ({@code won_total}) of
 * the partners the deal belongs (or belonged) to, promotes a partner whose total earns a higher tier
 * ({@link PartnerTiers}), and emits {@code partners.PartnerTierChanged {partner: urn, from, to, wonTotal}} for each promotion — all in
 * the deal's transaction. Deals that neither are nor were won change nothing.
 */
@HookId("deals.RecomputePartnerTier")
public class RecomputePartnerTier implements RecordHook {

    static final String WON = "won";

    @Override
    public void afterCreate(AfterContext context) {
        recompute(context);
    }

    @Override
    public void afterUpdate(AfterContext context) {
        recompute(context);
    }

    @Override
    public void afterDelete(AfterContext context) {
        recompute(context);
    }

    private void recompute(AfterContext context) {
        Map<String, Object> after = context.after();
        Optional<Map<String, Object>> before = context.before();
        boolean won = WON.equals(after.get("stage")) || before.map(b -> WON.equals(b.get("stage"))).orElse(false);
        if (!won) {
            return;
        }
        Set<String> partners = new LinkedHashSet<>();
        before.map(b -> (String) b.get("partner")).ifPresent(partners::add);
        Optional.ofNullable((String) after.get("partner")).ifPresent(partners::add);
        for (String partner : partners) {
            update(context, UUID.fromString(partner));
        }
    }

    private void update(AfterContext context, UUID partnerId) {
        List<Map<String, Object>> wonDeals = context.records("deals.Deal")
                .find("partner eq '" + partnerId + "' and stage eq 'won'", 1000);
        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, Object> deal : wonDeals) {
            Object amount = ((Map<?, ?>) deal.get("amount")).get("amount");
            total = total.add(new BigDecimal(amount.toString()));
        }
        Map<String, Object> partner = context.records("partners.Partner").get(partnerId).orElse(null);
        if (partner == null) {
            return; // the partner was deleted meanwhile; nothing to keep up to date
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("won_total", total);
        String current = (String) partner.get("tier");
        String earned = PartnerTiers.earnedBy(total);
        boolean promoted = PartnerTiers.isPromotion(current, earned);
        if (promoted) {
            changes.put("tier", earned);
        }
        context.records("partners.Partner").update(partnerId, changes);
        if (promoted) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("partner", "urn:prm:partners:partner:" + partnerId);
            event.put("from", current);
            event.put("to", earned);
            event.put("wonTotal", total);
            context.emit("partners.PartnerTierChanged", event);
        }
    }
}
