package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The final answer of a run against the agent's output JSON Schema (draft 2020-12, as manifests'
 * event and action schemas). An agent without one answers text, kept as {@code {text}}. A model may
 * wrap JSON in a Markdown code fence; that much is forgiven, nothing else.
 */
final class OutputCheck {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<JsonNode, Schema> COMPILED = Collections.synchronizedMap(new WeakHashMap<>());

    /** The output to store, or the reason it is refused. */
    record Result(JsonNode output, String refusal) {
    }

    private OutputCheck() {
    }

    static Result check(String text, JsonNode schema) {
        String answer = text == null ? "" : text.strip();
        if (schema == null) {
            return new Result(JsonNodeFactory.instance.objectNode().put("text", answer), null);
        }
        JsonNode output;
        try {
            output = JSON.readTree(unfenced(answer));
        } catch (Exception e) {
            return new Result(null, "the final answer is not JSON: " + preview(answer));
        }
        if (output == null || output.isMissingNode()) {
            return new Result(null, "the final answer is empty; the output schema asks for a JSON object");
        }
        List<Error> errors = COMPILED.computeIfAbsent(schema, SCHEMAS::getSchema).validate(output);
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            return new Result(null, "the final answer does not satisfy the output schema: " + first.getInstanceLocation() + ": "
                    + first.getMessage() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        }
        return new Result(output, null);
    }

    /** What the system prompt says about the answer's shape. */
    static String instruction(JsonNode schema) {
        return "\n\nWhen you are done, answer with only a JSON object (no prose around it) that satisfies this JSON Schema:\n"
                + schema.toString();
    }

    private static String unfenced(String text) {
        if (text.startsWith("```")) {
            int start = text.indexOf('\n');
            int end = text.lastIndexOf("```");
            if (start > 0 && end > start) {
                return text.substring(start + 1, end);
            }
        }
        return text;
    }

    private static String preview(String text) {
        return text.length() > 120 ? "'" + text.substring(0, 120) + "…'" : "'" + text + "'";
    }
}
