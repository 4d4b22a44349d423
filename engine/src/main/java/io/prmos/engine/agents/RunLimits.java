package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.api.Problem;
import io.prmos.metadata.model.AgentDef;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The limits of one run: the agent's, tightened by the caller's {@code limits} (a caller may ask for less,
 * never for more). Durations are written as in manifests: {@code 90s}, {@code 5m}.
 */
final class RunLimits {

    private static final Pattern DURATION = Pattern.compile("^[1-9][0-9]{0,5}[sm]$");

    private RunLimits() {
    }

    /** Checks a request's {@code limits}; errors point into the body. */
    static void check(JsonNode limits, List<Problem.Error> errors) {
        if (limits.isMissingNode() || limits.isNull()) {
            return;
        }
        if (!limits.isObject()) {
            errors.add(new Problem.Error("/limits", null, "type", "limits must be an object {steps, tokens, timeout}"));
            return;
        }
        limits.fieldNames().forEachRemaining(name -> {
            JsonNode v = limits.get(name);
            boolean ok = switch (name) {
                case "steps", "tokens" -> v.canConvertToInt() && v.isIntegralNumber() && v.asInt() >= 1;
                case "timeout" -> v.isTextual() && DURATION.matcher(v.asText()).matches();
                default -> false;
            };
            if (!ok) {
                errors.add(new Problem.Error("/limits/" + name, null, "invalid", "timeout".equals(name)
                        ? "timeout is a duration such as 90s or 5m" : "steps".equals(name) || "tokens".equals(name)
                        ? name + " must be a positive integer" : "unknown limit '" + name + "'; known: steps, tokens, timeout"));
            }
        });
    }

    static AgentDef.Limits effective(AgentDef.Limits agent, JsonNode asked) {
        int steps = asked.has("steps") ? Math.min(agent.steps(), asked.get("steps").asInt()) : agent.steps();
        int tokens = asked.has("tokens") ? Math.min(agent.tokens(), asked.get("tokens").asInt()) : agent.tokens();
        Duration timeout = agent.timeout();
        if (asked.has("timeout")) {
            String text = asked.get("timeout").asText();
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            Duration wanted = text.endsWith("m") ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
            timeout = wanted.compareTo(timeout) < 0 ? wanted : timeout;
        }
        return new AgentDef.Limits(steps, tokens, timeout);
    }
}
