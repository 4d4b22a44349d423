package io.prmos.metadata.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The names of the tools agents may call, derived from metadata so that the manifest checker and the
 * engine's tool catalog agree: {@code {module}.{Entity}.search|get|create|update},
 * {@code {module}.{Entity}.transition.{name}}, {@code {module}.{Entity}.action.{name}}, and the kernel
 * tools {@code kernel.*}. Models and MCP clients see {@link #wire} names (dots become underscores).
 */
public final class ToolNames {

    public static final String SEARCH_ALL = "kernel.search";
    public static final String RESOLVE = "kernel.resolve";
    public static final String CREATE_TASK = "kernel.create_task";
    public static final String NOTIFY = "kernel.notify";
    /** Enqueues a job of a type the agent declares under {@code jobs} (docs/jobs.md). */
    public static final String ENQUEUE_JOB = "kernel.enqueue_job";
    public static final List<String> KERNEL = List.of(SEARCH_ALL, RESOLVE, CREATE_TASK, NOTIFY, ENQUEUE_JOB);

    /** What a tool does to data; write and destructive calls may be made to wait for approval. */
    public enum Effect { READ, WRITE, DESTRUCTIVE }

    private ToolNames() {
    }

    /** Every tool an entity yields, in a stable order. */
    public static List<String> ofEntity(String module, String entity, EntityDef def) {
        String base = module + "." + entity + ".";
        List<String> out = new ArrayList<>(List.of(base + "search", base + "get", base + "create", base + "update"));
        def.workflow().ifPresent(w -> w.transitions().keySet().forEach(t -> out.add(base + "transition." + t)));
        def.actions().keySet().forEach(a -> out.add(base + "action." + a));
        return out;
    }

    /** Every tool a set of manifests yields, kernel tools first. */
    public static List<String> ofModules(Map<String, Manifest> modules) {
        List<String> out = new ArrayList<>(KERNEL);
        modules.values().forEach(m -> m.entities().forEach((name, def) -> out.addAll(ofEntity(m.module(), name, def))));
        return out;
    }

    public static Effect effect(String tool) {
        if (tool.endsWith(".search") || tool.endsWith(".get") || tool.equals(RESOLVE)) {
            return Effect.READ;
        }
        return tool.contains(".delete") ? Effect.DESTRUCTIVE : Effect.WRITE;
    }

    /** The name models and MCP clients use: only {@code [A-Za-z0-9_-]}, as OpenAI function names require. */
    public static String wire(String tool) {
        return tool.replace('.', '_');
    }
}
