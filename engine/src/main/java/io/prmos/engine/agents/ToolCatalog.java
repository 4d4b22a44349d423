package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.engine.jobs.JobRoles;
import io.prmos.metadata.model.ActionDef;
import io.prmos.metadata.model.AgentDef;
import io.prmos.metadata.model.ToolNames;
import io.prmos.metadata.model.Transition;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools a caller may use, generated from the catalog: an entity yields search and get when the
 * caller may read it, create and update when they may, a tool per transition and action whose roles
 * they hold — each with a schema of only the fields they may see or write — plus the kernel tools
 * (enqueueing jobs only for job roles, or for an agent the job types it declares).
 * Listing a tool is not the check: executing it asks the permission evaluator again ({@link ToolExecutor}).
 */
public final class ToolCatalog {

    private final PermissionEvaluator evaluator;

    public ToolCatalog(PermissionEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** Every tool of the catalog {@code caller} may use, by name, in a stable order. */
    public Map<String, Tool> forCaller(Catalog catalog, Caller caller) {
        Map<String, Tool> out = new LinkedHashMap<>();
        KernelTools.all().forEach(t -> out.put(t.name(), t));
        if (caller.roles().contains(Caller.ADMIN_ROLE) || caller.roles().contains(JobRoles.WORKER)) {
            out.put(ToolNames.ENQUEUE_JOB, KernelTools.enqueueJob(List.of()));
        }
        for (ModuleDescriptor module : catalog.modules()) {
            for (EntityDescriptor entity : module.entities()) {
                entityTools(module, entity, caller, catalog, out);
            }
        }
        return out;
    }

    /** The tools among {@code names} that {@code caller} may use (an agent's tools for its principal). */
    public Map<String, Tool> forCaller(Catalog catalog, Caller caller, Collection<String> names) {
        Map<String, Tool> all = forCaller(catalog, caller);
        Map<String, Tool> out = new LinkedHashMap<>();
        names.forEach(n -> {
            if (all.containsKey(n)) {
                out.put(n, all.get(n));
            }
        });
        return out;
    }

    /**
     * An agent's tools for its principal: those of its {@code tools} the principal may use, and
     * {@link ToolNames#ENQUEUE_JOB} for the job types the agent declares — the manifest grants those, as
     * it grants the principal's roles.
     */
    public Map<String, Tool> forAgent(Catalog catalog, Caller principal, AgentDef agent) {
        Map<String, Tool> out = forCaller(catalog, principal, agent.tools());
        if (agent.tools().contains(ToolNames.ENQUEUE_JOB) && !agent.jobs().isEmpty()) {
            out.put(ToolNames.ENQUEUE_JOB, KernelTools.enqueueJob(agent.jobs()));
        }
        return out;
    }

    private void entityTools(ModuleDescriptor module, EntityDescriptor e, Caller caller, Catalog catalog, Map<String, Tool> out) {
        String base = e.module() + "." + e.name() + ".";
        AccessDecision read = evaluator.decide(caller, catalog, e, Operation.READ);
        if (!read.allowed()) {
            return;
        }
        add(out, base + "search", "Search " + e.pluralLabel() + " (" + e.qualifiedName() + ") with a filter, sort and limit",
                ToolSchemas.search(e, read.visibleFields()), e, "search", null);
        add(out, base + "get", "Read one " + e.label() + " by id, public id or URN", ToolSchemas.byId(e), e, "get", null);
        AccessDecision create = evaluator.decide(caller, catalog, e, Operation.CREATE);
        if (create.allowed()) {
            add(out, base + "create", "Create a " + e.label(), ToolSchemas.write(module, e, create.writableFields(), false), e, "create", null);
        }
        AccessDecision update = evaluator.decide(caller, catalog, e, Operation.UPDATE);
        if (update.allowed() && !update.writableFields().isEmpty()) {
            add(out, base + "update", "Change fields of a " + e.label(), ToolSchemas.write(module, e, update.writableFields(), true),
                    e, "update", null);
        }
        e.def().workflow().ifPresent(w -> w.transitions().values().forEach(t -> {
            boolean roles = t.roles().isEmpty() || t.roles().stream().anyMatch(caller.roles()::contains);
            boolean rows = t.rowScope() == Transition.RowScope.READ && !t.roles().isEmpty() || update.allowed();
            if (roles && rows) {
                add(out, base + "transition." + t.name(), "Workflow transition " + t.name() + " of a " + e.label() + " (from "
                        + t.from() + " to " + t.to() + ")", ToolSchemas.byId(e), e, "transition", t.name());
            }
        }));
        for (ActionDef a : e.def().actions().values()) {
            if (a.roles().stream().anyMatch(caller.roles()::contains)) {
                ObjectNode schema = ToolSchemas.byId(e);
                ObjectNode input = a.input().map(i -> (ObjectNode) i.deepCopy()).orElseGet(ToolSchemas::object);
                ((ObjectNode) schema.get("properties")).set("input", input);
                add(out, base + "action." + a.name(), "Action " + a.label() + " on a " + e.label(), schema, e, "action", a.name());
            }
        }
    }

    private static void add(Map<String, Tool> out, String name, String description, ObjectNode schema, EntityDescriptor e,
                            String operation, String command) {
        out.put(name, new Tool(name, description, ToolNames.effect(name), schema, e, operation, command));
    }
}
