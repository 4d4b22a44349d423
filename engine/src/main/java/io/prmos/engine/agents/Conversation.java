package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import io.prmos.engine.store.kernel.RunRows;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A run's conversation rebuilt from its stored events — the system prompt, the input, each model message
 * ({@code message}) and each tool result ({@code tool_result}) — so a run paused for approval resumes on
 * any instance, after a restart too. Also the tools as the model sees them.
 */
final class Conversation {

    /** A tool call the model asked for. */
    record Call(String id, String wireName, String arguments) {
    }

    private Conversation() {
    }

    static List<ToolSpecification> specifications(Collection<Tool> tools) {
        return tools.stream().map(Conversation::specification).toList();
    }

    /** The tool's argument schema passes to the model as it is, property by property. */
    static ToolSpecification specification(Tool tool) {
        JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
        tool.inputSchema().path("properties").fields().forEachRemaining(p -> parameters.addProperty(p.getKey(),
                JsonRawSchema.from(p.getValue().toString())));
        List<String> required = new ArrayList<>();
        tool.inputSchema().path("required").forEach(r -> required.add(r.asText()));
        parameters.required(required);
        return ToolSpecification.builder().name(tool.wireName()).description(tool.description()).parameters(parameters.build()).build();
    }

    static List<ChatMessage> messages(String instructions, JsonNode input, List<RunRows.Event> events) {
        List<ChatMessage> out = new ArrayList<>();
        out.add(SystemMessage.from(instructions));
        out.add(UserMessage.from(userText(input)));
        for (RunRows.Event e : events) {
            if ("message".equals(e.kind())) {
                List<ToolExecutionRequest> calls = new ArrayList<>();
                calls(e.data()).forEach(c -> calls.add(ToolExecutionRequest.builder().id(c.id()).name(c.wireName())
                        .arguments(c.arguments()).build()));
                String text = e.data().path("text").asText("");
                out.add(calls.isEmpty() ? AiMessage.from(text) : AiMessage.from(text.isEmpty() ? null : text, calls));
            } else if ("tool_result".equals(e.kind())) {
                out.add(ToolExecutionResultMessage.from(e.data().path("callId").asText(), e.data().path("wireName").asText(),
                        e.data().path("result").toString()));
            }
        }
        return out;
    }

    /** What the run was asked: the caller's input, or a plain start when there is none. */
    static String userText(JsonNode input) {
        JsonNode given = input.path("input");
        if (given.isTextual()) {
            return given.asText();
        }
        return given.isObject() && !given.isEmpty() ? "Input: " + given : "Begin.";
    }

    static List<Call> calls(ObjectNode message) {
        List<Call> out = new ArrayList<>();
        message.path("toolCalls").forEach(c -> out.add(new Call(c.path("id").asText(), c.path("name").asText(),
                c.path("arguments").asText("{}"))));
        return out;
    }

    /** The calls of the last model message that have no result yet, in the order the model asked for them. */
    static List<Call> open(List<RunRows.Event> events) {
        ObjectNode last = null;
        Set<String> answered = new HashSet<>();
        for (RunRows.Event e : events) {
            if ("message".equals(e.kind())) {
                last = e.data();
                answered.clear();
            } else if ("tool_result".equals(e.kind())) {
                answered.add(e.data().path("callId").asText());
            }
        }
        return last == null ? List.of() : calls(last).stream().filter(c -> !answered.contains(c.id())).toList();
    }

    /** A person's decision on a call that waited for approval: the {@code approval} event's data. */
    static Optional<ObjectNode> decision(List<RunRows.Event> events, String callId) {
        return events.stream().filter(e -> "approval".equals(e.kind()) && callId.equals(e.data().path("callId").asText()))
                .map(RunRows.Event::data).reduce((a, b) -> b);
    }

    static ObjectNode message(AiMessage ai, int tokensIn, int tokensOut, long latencyMs) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("text", ai.text() == null ? "" : ai.text());
        var calls = data.putArray("toolCalls");
        if (ai.hasToolExecutionRequests()) {
            ai.toolExecutionRequests().forEach(r -> calls.addObject().put("id", r.id()).put("name", r.name())
                    .put("arguments", r.arguments() == null ? "{}" : r.arguments()));
        }
        return data.put("tokensIn", tokensIn).put("tokensOut", tokensOut).put("latencyMs", latencyMs);
    }
}
