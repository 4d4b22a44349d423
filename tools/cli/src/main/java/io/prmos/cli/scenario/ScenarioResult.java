package io.prmos.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How a scenario went.
 *
 * @param failures every failure, each one line starting with {@code file:line:}; empty when it passed
 * @param emitted  the events emitted in the scenario's tenant while it ran (envelopes)
 * @param answers  the API responses observed (for the certification's API check)
 */
public record ScenarioResult(Scenario scenario, int stepsRun, List<String> failures, List<JsonNode> emitted,
                             List<KernelApi.Answer> answers, long millis) {

    public boolean passed() {
        return failures.isEmpty();
    }
}
