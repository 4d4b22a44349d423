package io.prmos.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A module's {@code events} section: the custom events it publishes (each with a JSON Schema for its
 * payload), the events it subscribes to, and the webhooks it declares.
 *
 * @param publishes  custom events by simple name ({@code PartnerTierChanged}), in manifest order
 * @param subscribes qualified event names ({@code deals.DealClosed}, {@code partners.PartnerUpdated})
 * @param webhooks   webhook subscriptions declared by the module
 */
public record EventsDef(Map<String, Published> publishes, List<String> subscribes, List<Webhook> webhooks) {

    public EventsDef {
        publishes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(publishes));
        subscribes = List.copyOf(subscribes);
        webhooks = List.copyOf(webhooks);
    }

    public static EventsDef none() {
        return new EventsDef(Map.of(), List.of(), List.of());
    }

    public Optional<Published> published(String name) {
        return Optional.ofNullable(publishes.get(name));
    }

    /**
     * A custom event.
     *
     * @param schema the JSON Schema its payload must satisfy (kept as JSON: it is handed to the validator as is)
     * @param emit   roles that may emit it through the REST API; hooks and automations may always emit it
     */
    public record Published(String name, String description, JsonNode schema, List<String> emit) {
        public Published {
            emit = List.copyOf(emit);
        }
    }

    /**
     * A webhook declared in a manifest. Secrets (and optionally the URL) are configuration references
     * ({@code ${NAME}}) resolved by the engine when it starts, never secrets written in the manifest.
     *
     * @param events an event pattern: {@code partners.*}, {@code partners.Partner*} or one event
     * @param tenant the only tenant whose events it receives; empty for every tenant
     */
    public record Webhook(String name, String events, String url, String secret, Optional<String> tenant) {
    }
}
