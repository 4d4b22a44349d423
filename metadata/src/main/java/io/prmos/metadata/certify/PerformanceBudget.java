package io.prmos.metadata.certify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A performance budget from a manifest's {@code budgets}: with {@code records} records of the entity
 * in the tenant, the 95th percentile of list, get and create requests made as a user with {@code role}
 * stays under the given durations. Only {@code prm certify} reads budgets; the engine ignores them.
 *
 * @param p95 per operation ({@code list}, {@code get}, {@code create}) the allowed 95th percentile
 */
public record PerformanceBudget(String entity, int records, Optional<String> role, Map<String, Duration> p95) {

    public PerformanceBudget {
        p95 = Collections.unmodifiableMap(new LinkedHashMap<>(p95));
    }

    /** The budgets of a schema-valid manifest tree, in manifest order. */
    public static List<PerformanceBudget> of(JsonNode manifestRoot) {
        List<PerformanceBudget> out = new ArrayList<>();
        for (JsonNode budget : manifestRoot.path("budgets")) {
            Map<String, Duration> p95 = new LinkedHashMap<>();
            budget.path("p95").fields().forEachRemaining(e -> p95.put(e.getKey(),
                    Duration.ofMillis(Long.parseLong(e.getValue().asText().replace("ms", "")))));
            out.add(new PerformanceBudget(budget.path("entity").asText(), budget.path("records").asInt(),
                    Optional.ofNullable(budget.get("role")).map(JsonNode::asText), p95));
        }
        return out;
    }
}
