package io.prmos.engine.events;

import java.util.Arrays;
import java.util.List;

/**
 * Event name patterns, as webhooks and the replay's {@code types} use them: an exact name
 * ({@code partners.PartnerUpdated}), a prefix ending with {@code *} ({@code partners.Partner*}),
 * or {@code partners.*} for every event of a module; several patterns separated by commas.
 */
public record EventTypes(List<String> patterns) {

    public static EventTypes parse(String text) {
        if (text == null || text.isBlank()) {
            return new EventTypes(List.of("*"));
        }
        return new EventTypes(Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    public boolean matches(String type) {
        return patterns.stream().anyMatch(p -> p.endsWith("*") ? type.startsWith(p.substring(0, p.length() - 1)) : type.equals(p));
    }
}
