package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.metadata.model.ToolNames;
import java.util.List;

/** The kernel's own tools: search across modules, resolve URNs, create a task, notify a user, enqueue a job. */
final class KernelTools {

    private KernelTools() {
    }

    static List<Tool> all() {
        return List.of(
                tool(ToolNames.SEARCH_ALL, "Full-text search across every entity you may read; answers matches grouped by entity",
                        schema(new String[] {"q"}, "q", "Words to find", "limit", "integer:At most this many matches per entity (1-50)")),
                tool(ToolNames.RESOLVE, "Read the records some URNs name (display name and the fields you may see)",
                        urns()),
                tool(ToolNames.CREATE_TASK, "Create a task for a user, optionally about a record",
                        schema(new String[] {"title", "assignee"}, "title", "What to do", "assignee", "User id of the assignee",
                                "description", "Details", "record", "URN of the record the task is about", "dueOn", "Due date, YYYY-MM-DD")),
                tool(ToolNames.NOTIFY, "Send a notification to a user",
                        schema(new String[] {"recipient", "title"}, "recipient", "User id of the recipient", "title", "Short text",
                                "body", "Longer text", "link", "A path of the web UI (/…) or a record URN")));
    }

    /**
     * {@link ToolNames#ENQUEUE_JOB}: for an agent, of the job types it declares (an enum the model sees);
     * for a caller holding {@code admin} or {@code job_worker} (MCP), of any type ({@code types} empty).
     */
    static Tool enqueueJob(List<String> types) {
        ObjectNode schema = schema(new String[] {"type"}, "type", "The job type, module.name", "idempotencyKey",
                "Optional: a second enqueue with the same key answers the first job");
        ObjectNode properties = (ObjectNode) schema.get("properties");
        if (!types.isEmpty()) {
            types.forEach(((ObjectNode) properties.get("type")).putArray("enum")::add);
        }
        properties.putObject("payload").put("type", "object").put("description", "What the worker needs, a JSON object");
        return tool(ToolNames.ENQUEUE_JOB, "Enqueue a job for a worker (a queued job is done later, not now); answers the job",
                schema);
    }

    private static Tool tool(String name, String description, ObjectNode schema) {
        return new Tool(name, description, ToolNames.effect(name), schema, null, name.substring("kernel.".length()), null);
    }

    /** Pairs of name and description; a description "integer:…" makes an integer. */
    private static ObjectNode schema(String[] required, String... pairs) {
        ObjectNode schema = ToolSchemas.object();
        ObjectNode p = (ObjectNode) schema.get("properties");
        for (int i = 0; i < pairs.length; i += 2) {
            String d = pairs[i + 1];
            p.set(pairs[i], d.startsWith("integer:")
                    ? JsonNodeFactory.instance.objectNode().put("type", "integer").put("description", d.substring(8))
                    : ToolSchemas.string(d));
        }
        ToolSchemas.require(schema, required);
        return schema;
    }

    private static ObjectNode urns() {
        ObjectNode schema = ToolSchemas.object();
        ObjectNode urns = ((ObjectNode) schema.get("properties")).putObject("urns").put("type", "array").put("maxItems", 50);
        urns.putObject("items").put("type", "string").put("pattern", "^urn:prm:");
        ToolSchemas.require(schema, "urns");
        return schema;
    }
}
