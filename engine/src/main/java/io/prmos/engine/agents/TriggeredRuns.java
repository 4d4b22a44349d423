package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.kernel.RunRows;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.model.AgentDef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;

/**
 * Starts the runs that nobody asked for by hand — an event's or a schedule's — as the <em>agent
 * principal</em>: user {@code agent:{module}.{agent}}, the roles the manifest declares for the agent
 * and nothing else, in one tenant. Each run carries a trigger key ({@code event:{id}},
 * {@code schedule:{time}}); the unique index on (tenant, module, agent, trigger key) makes a second
 * start of the same trigger in the same tenant a no-op, whatever instance or redelivery attempts it.
 */
@ApplicationScoped
public class TriggeredRuns {

    @Inject
    RunRows rows;

    @Inject
    RunJournal journal;

    @Inject
    RunWorkers workers;

    /** The principal an event or schedule run of {@code module.agent} acts as in {@code tenant}. */
    public static Caller principal(String tenant, String module, AgentDef agent) {
        String ref = module + "." + agent.name();
        return new Caller(tenant, "agent:" + ref, "agent " + ref, Set.copyOf(agent.roles()));
    }

    /**
     * Stores a queued run of the agent for {@code triggerKey} and hands it to a runner; answers whether
     * this call started it (false: the trigger already started it in that tenant).
     *
     * @param event the envelope as the agent principal may see it, or null for a schedule
     */
    public Uni<Boolean> start(Catalog catalog, String tenant, String module, AgentDef agent, String trigger, String triggerKey,
                              ObjectNode event, JsonNode input) {
        Caller principal = principal(tenant, module, agent);
        UUID id = UUID.randomUUID();
        String ref = module + "." + agent.name();
        ObjectNode stored = JsonNodeFactory.instance.objectNode();
        stored.putNull("record");
        stored.set("input", input);
        stored.set("event", event);
        stored.putObject("limits");
        String instructions = Instructions.render(agent.instructions(), new Instructions.Context(tenant, tenant, principal.user(),
                principal.userName(), ref, null, null, event, input)) + agent.output().map(OutputCheck::instruction).orElse("");
        String version = catalog.module(module).map(m -> m.manifest().version().toString()).orElse("0");
        RunRows.NewRun run = new RunRows.NewRun(id, module, agent.name(), version, trigger, triggerKey, principal, true, stored,
                instructions);
        return rows.insert(run).flatMap(inserted -> {
            if (!inserted) {
                return Uni.createFrom().item(false);
            }
            return journal.appendAsync(principal, id, "status", RunLoop.status("queued", null)).invoke(x -> workers.submit(principal, id))
                    .replaceWith(true);
        });
    }
}
