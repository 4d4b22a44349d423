package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders an agent's instructions: each {@code {variable}} the manifest checker knows is replaced by its
 * value at the start of a run (a missing record or event reads {@code none}); the rendered text is stored
 * with the run, so a resumed run keeps the prompt it started with.
 */
final class Instructions {

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z]+(?:\\.[a-z]+)?)}");

    /** What a run starts from. {@code record} is the record as the principal may see it. */
    record Context(String tenantId, String tenantName, String userId, String userName, String agentName,
                   String recordUrn, JsonNode record, JsonNode event, JsonNode input) {
    }

    private Instructions() {
    }

    static String render(String template, Context c) {
        Map<String, String> values = new HashMap<>();
        values.put("tenant.id", c.tenantId());
        values.put("tenant.name", c.tenantName());
        values.put("user.id", c.userId());
        values.put("user.name", c.userName());
        values.put("agent.name", c.agentName());
        values.put("record", c.record() == null ? "none" : c.record().toString());
        values.put("record.urn", c.recordUrn() == null ? "none" : c.recordUrn());
        values.put("event", c.event() == null ? "none" : c.event().toString());
        values.put("event.type", c.event() == null ? "none" : c.event().path("type").asText("none"));
        values.put("input", c.input() == null || c.input().isMissingNode() || c.input().isNull() ? "none" : c.input().toString());
        values.put("today", LocalDate.now(ZoneOffset.UTC).toString());
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
