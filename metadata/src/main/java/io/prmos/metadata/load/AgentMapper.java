package io.prmos.metadata.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.model.AgentDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps the schema-valid {@code agents} section; defaults: model {@code default}, limits {@link AgentDef.Limits#DEFAULT}. */
final class AgentMapper {

    private AgentMapper() {
    }

    static Map<String, AgentDef> agents(JsonNode node) {
        Map<String, AgentDef> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), agent(e.getKey(), e.getValue())));
        return Collections.unmodifiableMap(out);
    }

    private static AgentDef agent(String name, JsonNode node) {
        return new AgentDef(name, ManifestMapper.text(node, "description").orElse(""),
                ManifestMapper.text(node, "model").orElse(AgentDef.DEFAULT_MODEL),
                node.path("instructions").asText(),
                ManifestMapper.strings(node.path("roles")),
                ManifestMapper.strings(node.path("tools")),
                ManifestMapper.strings(node.path("approval")),
                triggers(node.path("triggers")),
                Optional.ofNullable(node.get("output")).map(JsonNode::deepCopy),
                limits(node.path("limits")),
                ManifestMapper.strings(node.path("jobs")));
    }

    /** The schema guarantees exactly one of manual, event, schedule per item. */
    private static List<AgentDef.Trigger> triggers(JsonNode node) {
        List<AgentDef.Trigger> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (item.has("manual")) {
                out.add(new AgentDef.Manual(ManifestMapper.text(item.get("manual"), "entity")));
            } else if (item.has("event")) {
                JsonNode event = item.get("event");
                out.add(new AgentDef.OnEvent(event.path("on").asText(), ManifestMapper.text(event, "when")));
            } else {
                out.add(new AgentDef.Schedule(item.path("schedule").path("cron").asText()));
            }
        }
        return List.copyOf(out);
    }

    private static AgentDef.Limits limits(JsonNode node) {
        AgentDef.Limits d = AgentDef.Limits.DEFAULT;
        return new AgentDef.Limits(node.path("steps").asInt(d.steps()), node.path("tokens").asInt(d.tokens()),
                node.has("timeout") ? duration(node.get("timeout").asText()) : d.timeout());
    }

    /** {@code 90s}, {@code 5m}: the schema's pattern. */
    static Duration duration(String text) {
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return text.endsWith("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
    }
}
