package io.prmos.engine.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.model.EventsDef;
import io.prmos.engine.query.Urn;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one caller may see of events (replay, streams): their tenant only; a record event only when
 * they may read the entity, with the old and new values of fields hidden from them removed; a custom
 * event about a record (its payload names a URN) like an event of that record, a custom event about
 * no record only for the roles that may emit it. Deny by default: a read permission restricted to
 * some rows ({@code where}) shows no events of that entity, since an event does not carry the whole
 * row a predicate is written against (docs/adr/0041).
 */
public final class EventVisibility {

    private final PermissionEvaluator evaluator;
    private final Catalog catalog;
    private final Caller caller;
    private final Map<String, Optional<AccessDecision>> decisions = new HashMap<>();

    public EventVisibility(PermissionEvaluator evaluator, Catalog catalog, Caller caller) {
        this.evaluator = evaluator;
        this.catalog = catalog;
        this.caller = caller;
    }

    /** The envelope this caller may see, or empty. */
    public Optional<ObjectNode> view(DomainEvent event) {
        if (!caller.tenant().equals(event.tenant())) {
            return Optional.empty();
        }
        if (event.isRecordEvent()) {
            return readable(event.module(), event.entity()).map(decision -> event.envelope(withoutHidden(event.data(), decision)));
        }
        if (event.subject() != null) {
            return Urn.parse(event.subject()).flatMap(urn -> urn.entityIn(catalog))
                    .flatMap(entity -> readable(entity.module(), entity.name())).map(d -> event.envelope());
        }
        return mayEmit(event.type()) ? Optional.of(event.envelope()) : Optional.empty();
    }

    private Optional<AccessDecision> readable(String module, String entityName) {
        return decisions.computeIfAbsent(module + "." + entityName, key -> entity(module, entityName)
                .map(entity -> evaluator.decide(caller, catalog, entity, Operation.READ))
                .filter(decision -> decision.allowed() && decision.rows().isEmpty()));
    }

    private Optional<EntityDescriptor> entity(String module, String name) {
        return catalog.module(module).flatMap(m -> m.entities().stream().filter(e -> e.name().equals(name)).findFirst());
    }

    private boolean mayEmit(String type) {
        int dot = type.indexOf('.');
        Optional<EventsDef.Published> declared = catalog.module(type.substring(0, dot))
                .flatMap(m -> m.manifest().events().published(type.substring(dot + 1)));
        return caller.isAdmin() || declared.map(d -> d.emit().stream().anyMatch(caller.roles()::contains)).orElse(false);
    }

    private static ObjectNode withoutHidden(ObjectNode data, AccessDecision decision) {
        ObjectNode shown = data.deepCopy();
        ObjectNode changes = (ObjectNode) shown.get("changes");
        if (changes != null) {
            changes.retain(decision.visibleFields());
        }
        return shown;
    }
}
