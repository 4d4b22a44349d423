package io.prmos.engine.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.model.AgentDef;
import io.prmos.metadata.naming.Names;
import java.util.Comparator;
import java.util.Optional;

/**
 * The agents the caller may start by hand, for the web runtime's Agents section and the "Run agent"
 * action of record pages: the same rule as {@code POST /api/v1/agents/{agent}/runs} (a manual trigger,
 * and read access to its entity when it names one). Whether the model profile is configured is not
 * metadata (it is configuration): {@code GET /api/v1/agents} tells.
 */
final class UiAgents {

    private UiAgents() {
    }

    static ArrayNode of(CallerGrants grants) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (ModuleDescriptor module : grants.catalog().modules()) {
            module.manifest().agents().values().stream().sorted(Comparator.comparing(AgentDef::name)).forEach(agent ->
                    agent.manual().ifPresent(manual -> {
                        Optional<EntityDescriptor> entity = manual.entity().flatMap(e -> entity(grants, e));
                        if (manual.entity().isPresent() && (entity.isEmpty() || !grants.readable(entity.get()))) {
                            return;
                        }
                        ObjectNode node = out.addObject()
                                .put("name", module.name() + "." + agent.name())
                                .put("module", module.name())
                                .put("label", Names.humanize(agent.name().replace('-', '_')))
                                .put("description", agent.description());
                        entity.ifPresent(e -> node.put("entity", e.qualifiedName()));
                        ArrayNode approval = node.putArray("approval");
                        agent.approval().forEach(approval::add);
                    }));
        }
        return out;
    }

    private static Optional<EntityDescriptor> entity(CallerGrants grants, String qualified) {
        return grants.catalog().modules().stream().flatMap(m -> m.entities().stream())
                .filter(e -> e.qualifiedName().equals(qualified)).findFirst();
    }
}
