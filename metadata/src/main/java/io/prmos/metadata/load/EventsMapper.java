package io.prmos.metadata.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.model.EventsDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps the schema-valid {@code events} section to {@link EventsDef}. */
final class EventsMapper {

    private EventsMapper() {
    }

    static EventsDef map(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return EventsDef.none();
        }
        Map<String, EventsDef.Published> publishes = new LinkedHashMap<>();
        node.path("publishes").fields().forEachRemaining(e -> publishes.put(e.getKey(), published(e.getKey(), e.getValue())));
        List<EventsDef.Webhook> webhooks = new ArrayList<>();
        for (JsonNode hook : node.path("webhooks")) {
            webhooks.add(new EventsDef.Webhook(hook.path("name").asText(), hook.path("events").asText(),
                    hook.path("url").asText(), hook.path("secret").asText(), ManifestMapper.text(hook, "tenant")));
        }
        return new EventsDef(java.util.Collections.unmodifiableMap(publishes), ManifestMapper.strings(node.path("subscribes")), webhooks);
    }

    private static EventsDef.Published published(String name, JsonNode node) {
        return new EventsDef.Published(name, ManifestMapper.text(node, "description").orElse(null),
                node.path("schema").deepCopy(), ManifestMapper.strings(node.path("emit")));
    }
}
