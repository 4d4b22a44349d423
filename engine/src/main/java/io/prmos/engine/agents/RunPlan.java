package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.prmos.engine.security.Caller;
import io.prmos.metadata.model.AgentDef;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one segment of a run needs (a run executes in segments: from its start, or from an approval, to
 * its end or the next approval): the principal its tools act as (attributed to the agent), the model,
 * the agent's tools that principal may use, the effective limits and what the run has used so far.
 *
 * @param tenant     a caller of the run's tenant, for the run's own rows
 * @param tools      the agent's tools the principal may use, by wire name
 * @param cancelled  set when the run is cancelled on this instance
 */
record RunPlan(UUID id, Caller tenant, Caller principal, AgentDef agent, StreamingChatModel model, Map<String, Tool> tools,
               List<ToolSpecification> specifications, AgentDef.Limits limits, String instructions, JsonNode input,
               Used used, AtomicBoolean cancelled) {

    /** Steps, tokens and running time spent by earlier segments. */
    record Used(int steps, int tokensIn, int tokensOut, long elapsedMs) {
    }
}
