package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.events.DomainEvent;
import io.prmos.engine.events.EventSubscriber;
import io.prmos.engine.events.EventVisibility;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.workflow.Automations;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.model.AgentDef;
import io.prmos.metadata.rules.EventEnvironment;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Starts the runs of agents whose {@code event} trigger names a committed event and whose CEL
 * {@code when} holds on its envelope: a cluster subscriber of the event log, like automations (ADR
 * 0054), so each event reaches it once per cluster after commit; the run's trigger key
 * {@code event:{id}} absorbs a redelivery. The run acts as the agent principal in the event's tenant
 * and sees the event only as that principal may (fields it may not read are removed; an event it may
 * not read at all is reduced to its id, type and subject).
 */
@ApplicationScoped
public class AgentEventTriggers implements EventSubscriber {

    private static final Logger LOG = Logger.getLogger(AgentEventTriggers.class);

    /** An agent and the trigger of it that an event matched by type. */
    record Match(String module, AgentDef agent, AgentDef.OnEvent trigger) {
    }

    @Inject
    CatalogHolder catalogs;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    TriggeredRuns runs;

    @Override
    public String id() {
        return "agents";
    }

    @Override
    public boolean accepts(DomainEvent event) {
        return !matching(catalogs.current(), event.type()).isEmpty();
    }

    @Override
    public Uni<Void> onEvent(DomainEvent event) {
        Catalog catalog = catalogs.forTenant(event.tenant());
        Map<String, Object> variables = Automations.CelValues.of(event.envelope());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Match match : matching(catalog, event.type())) {
            if (holds(match, variables)) {
                chain = chain.flatMap(x -> start(catalog, match, event));
            }
        }
        return chain;
    }

    private Uni<Void> start(Catalog catalog, Match match, DomainEvent event) {
        var principal = TriggeredRuns.principal(event.tenant(), match.module(), match.agent());
        ObjectNode seen = new EventVisibility(evaluator, catalog, principal).view(event).orElseGet(() -> reduced(event));
        ObjectNode input = JsonNodeFactory.instance.objectNode().put("event", event.type()).put("eventId", event.id().toString());
        return runs.start(catalog, event.tenant(), match.module(), match.agent(), "event", "event:" + event.id(), seen, input)
                .onFailure().recoverWithItem(f -> {
                    // a run that cannot be stored must not block the event log for every other subscriber
                    LOG.errorf(f, "agent %s.%s could not start on event %s (%s)", match.module(), match.agent().name(), event.id(),
                            event.type());
                    return false;
                }).replaceWithVoid();
    }

    static boolean holds(Match match, Map<String, Object> variables) {
        if (match.trigger().when().isEmpty()) {
            return true;
        }
        var result = EventEnvironment.evaluate(EventEnvironment.program(match.trigger().when().get()), variables);
        if (result.error() != null) {
            LOG.warnf("agent %s.%s: event filter '%s' failed: %s", match.module(), match.agent().name(), match.trigger().when().get(),
                    result.error());
        }
        return result.isTrue();
    }

    private static ObjectNode reduced(DomainEvent event) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("id", event.id().toString()).put("type", event.type())
                .put("tenant", event.tenant());
        if (event.subject() != null) {
            out.put("subject", event.subject());
        }
        return out;
    }

    static List<Match> matching(Catalog catalog, String type) {
        List<Match> out = new ArrayList<>();
        for (ModuleDescriptor module : catalog.modules()) {
            for (AgentDef agent : module.manifest().agents().values()) {
                agent.triggers().stream().filter(AgentDef.OnEvent.class::isInstance).map(AgentDef.OnEvent.class::cast)
                        .filter(t -> t.on().equals(type)).forEach(t -> out.add(new Match(module.name(), agent, t)));
            }
        }
        return out;
    }
}
