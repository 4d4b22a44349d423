package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.model.ToolNames;

/**
 * One tool as a caller sees it: its name ({@link ToolNames}), the name models and MCP clients use, a
 * description, whether it reads or writes, and the JSON Schema of its arguments — derived from the
 * fields this caller may see and write, so hidden fields are absent.
 *
 * @param entity the entity an entity tool works on; null for kernel tools
 * @param operation search, get, create, update, transition, action, or the kernel tool's own name
 * @param command the transition's or action's name; null otherwise
 */
public record Tool(String name, String description, ToolNames.Effect effect, ObjectNode inputSchema,
                   EntityDescriptor entity, String operation, String command) {

    public String wireName() {
        return ToolNames.wire(name);
    }
}
