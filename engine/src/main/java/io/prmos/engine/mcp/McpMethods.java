package io.prmos.engine.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.agents.Tool;
import io.prmos.engine.agents.ToolExecutor;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.tasks.RecordUrns;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.model.ToolNames;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What the MCP methods do for one caller. Tools are {@link ToolExecutor}'s catalog for the caller —
 * the very tools the engine's agents get — under their wire names, and a call runs through the same
 * executor (permissions, row-level security, validation, rules, hooks, history, events). Records are
 * resources addressed by their URN; the templates list one URN form per entity the caller may read.
 */
@ApplicationScoped
public class McpMethods {

    /** Protocol revisions this server speaks, newest first; an unknown request is answered with the newest. */
    static final List<String> VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26");

    @Inject
    ToolExecutor tools;

    @Inject
    RecordUrns urns;

    @Inject
    CatalogHolder catalogs;

    @Inject
    PermissionEvaluator evaluator;

    ObjectNode initialize(JsonNode params) {
        String asked = params.path("protocolVersion").asText("");
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("protocolVersion", VERSIONS.contains(asked) ? asked : VERSIONS.get(0));
        ObjectNode capabilities = out.putObject("capabilities");
        capabilities.putObject("tools").put("listChanged", false);
        capabilities.putObject("resources").put("subscribe", false).put("listChanged", false);
        out.putObject("serverInfo").put("name", "prm-os").put("title", "PRM OS").put("version", "1.0");
        out.put("instructions", "Tools act on PRM OS records with your permissions; records are resources named by URN"
                + " (urn:prm:{module}:{entity}:{id}).");
        return out;
    }

    ObjectNode listTools(Caller caller) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("tools");
        for (Tool tool : tools.tools(caller).values()) {
            ObjectNode t = list.addObject().put("name", tool.wireName()).put("title", tool.name()).put("description", tool.description());
            t.set("inputSchema", tool.inputSchema());
            t.putObject("annotations").put("readOnlyHint", tool.effect() == ToolNames.Effect.READ)
                    .put("destructiveHint", tool.effect() == ToolNames.Effect.DESTRUCTIVE).put("openWorldHint", false);
        }
        return out;
    }

    Uni<ObjectNode> callTool(Caller caller, JsonNode params) {
        String name = params.path("name").asText("");
        boolean known = tools.tools(caller).values().stream().anyMatch(t -> t.wireName().equals(name) || t.name().equals(name));
        if (!known) {
            throw new JsonRpc.Failure(JsonRpc.INVALID_PARAMS, "Unknown tool: " + name + " (not among the tools available to you)");
        }
        JsonNode arguments = params.path("arguments");
        return tools.call(caller, name, arguments.isMissingNode() ? null : arguments).map(outcome -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.putArray("content").addObject().put("type", "text").put("text", outcome.content().toString());
            out.set("structuredContent", outcome.content());
            out.put("isError", !outcome.ok());
            return out;
        });
    }

    ObjectNode resourceTemplates(Caller caller) {
        Catalog catalog = catalogs.forTenant(caller.tenant());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("resourceTemplates");
        for (EntityDescriptor e : catalog.entities()) {
            if (evaluator.decide(caller, catalog, e, Operation.READ).allowed()) {
                list.addObject().put("uriTemplate", "urn:prm:" + e.module() + ":" + e.path() + ":{id}").put("name", e.qualifiedName())
                        .put("title", e.label()).put("description", "One " + e.label() + " record as you may see it (JSON)")
                        .put("mimeType", "application/json");
            }
        }
        return out;
    }

    /** Records are too many to list; clients read them by URN (from search results or templates). */
    ObjectNode listResources() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putArray("resources");
        return out;
    }

    Uni<ObjectNode> readResource(Caller caller, JsonNode params) {
        String uri = params.path("uri").asText("");
        return urns.read(caller, uri).map(found -> {
            ObjectNode record = found.orElseThrow(() -> new JsonRpc.Failure(JsonRpc.RESOURCE_NOT_FOUND,
                    "Resource not found: no record " + uri + " you can read"));
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.putArray("contents").addObject().put("uri", uri).put("mimeType", "application/json").put("text", record.toString());
            return out;
        });
    }
}
