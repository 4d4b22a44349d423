package io.prmos.engine.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.Urn;
import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.model.EventsDef;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What one caller may see of events (replay, streams): their tenant only; a record event only when
 * they may read the entity, with the old and new values of fields hidden from them removed; a custom
 * event about a record (its payload names a URN) like an event of that record; a custom event about
 * no record only for the roles that may emit it. When the caller's read permission is restricted to
 * some rows ({@code where}), an event is shown only if its record is one of them now — the caller asks
 * {@link #rowCheck} which record to look up and passes the answer to {@link #view(DomainEvent, Predicate)}
 * (docs/adr/0041).
 */
public final class EventVisibility {

    /** A record whose current row decides whether a row-restricted reader sees an event. */
    public record RowCheck(EntityDescriptor entity, UUID id, AccessDecision decision) {
    }

    private record Target(EntityDescriptor entity, UUID id) {
    }

    private final PermissionEvaluator evaluator;
    private final Catalog catalog;
    private final Caller caller;
    private final Map<String, AccessDecision> decisions = new HashMap<>();

    public EventVisibility(PermissionEvaluator evaluator, Catalog catalog, Caller caller) {
        this.evaluator = evaluator;
        this.catalog = catalog;
        this.caller = caller;
    }

    /** The envelope this caller may see, treating every row-restricted record as unreadable. */
    public Optional<ObjectNode> view(DomainEvent event) {
        return view(event, id -> false);
    }

    /** The envelope this caller may see, or empty; {@code readableRow} answers for row-restricted records. */
    public Optional<ObjectNode> view(DomainEvent event, Predicate<UUID> readableRow) {
        if (!caller.tenant().equals(event.tenant())) {
            return Optional.empty();
        }
        Optional<Target> target = target(event);
        if (target.isEmpty()) {
            boolean aboutARecord = event.isRecordEvent() || event.subject() != null;
            return !aboutARecord && mayEmit(event.type()) ? Optional.of(event.envelope()) : Optional.empty();
        }
        AccessDecision decision = decision(target.get().entity());
        if (!decision.allowed() || decision.rows().isPresent() && !readableRow.test(target.get().id())) {
            return Optional.empty();
        }
        return Optional.of(event.isRecordEvent() ? event.envelope(withoutHidden(event.data(), decision)) : event.envelope());
    }

    /** The record to look up first, when the caller may read the event's entity only in some rows. */
    public Optional<RowCheck> rowCheck(DomainEvent event) {
        if (!caller.tenant().equals(event.tenant())) {
            return Optional.empty();
        }
        return target(event).flatMap(t -> {
            AccessDecision decision = decision(t.entity());
            return decision.allowed() && decision.rows().isPresent()
                    ? Optional.of(new RowCheck(t.entity(), t.id(), decision)) : Optional.empty();
        });
    }

    private Optional<Target> target(DomainEvent event) {
        if (event.isRecordEvent()) {
            return catalog.module(event.module())
                    .flatMap(m -> m.entities().stream().filter(e -> e.name().equals(event.entity())).findFirst())
                    .map(entity -> new Target(entity, event.recordId()));
        }
        return Urn.parse(event.subject()).flatMap(urn -> urn.entityIn(catalog).map(entity -> new Target(entity, urn.id())));
    }

    private AccessDecision decision(EntityDescriptor entity) {
        return decisions.computeIfAbsent(entity.qualifiedName(), key -> evaluator.decide(caller, catalog, entity, Operation.READ));
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
