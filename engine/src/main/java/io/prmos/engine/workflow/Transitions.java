package io.prmos.engine.workflow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.hooks.HookEvents;
import io.prmos.engine.query.BoundFilter;
import io.prmos.engine.rules.CompiledExpressions;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.StoreExceptions;
import io.prmos.engine.store.TenantTransactions;
import io.prmos.engine.store.TransactionRecords;
import io.prmos.engine.validation.TypedValues;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.Transition;
import io.prmos.metadata.model.Workflow;
import io.prmos.metadata.rules.EntityExpressions;
import io.prmos.metadata.rules.RecordActivation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Performs a workflow transition in one transaction: lock the record, check that the transition
 * starts from its state and that the guard holds, then write the new state and the transition's
 * {@code set} values through the ordinary write path (before-hooks, formulas, rules, after-hooks,
 * outbox see an update), and emit the transition's event. The caller's roles and read access are
 * checked by the resource before; the update row scope is checked here, on the locked row.
 */
@ApplicationScoped
public class Transitions {

    @Inject
    TenantTransactions transactions;

    @Inject
    TransactionRecords records;

    @Inject
    CompiledExpressions expressions;

    @Inject
    HookEvents events;

    /** Refuses (403) a caller holding none of the transition's roles; no roles listed defers to update permission. */
    public static void checkRoles(Caller caller, Transition transition) {
        if (!transition.roles().isEmpty() && transition.roles().stream().noneMatch(caller.roles()::contains)) {
            throw TransitionRefused.forbidden(transition.name(), transition.roles());
        }
    }

    /**
     * @param scope the rows the caller may perform it on (their update row predicate); empty = any
     * @return the record after the transition, every field
     */
    public Uni<ObjectNode> perform(Caller caller, Catalog catalog, EntityDescriptor entity, UUID id, Transition transition,
                                   Optional<BoundFilter> scope) {
        Workflow workflow = entity.def().workflow().orElseThrow();
        return transactions.run(caller, c -> records.lock(c, caller, entity, id)
                .call(found -> found.isEmpty() || scope.isEmpty() ? Uni.createFrom().voidItem()
                        : records.matches(c, caller, entity, id, scope.get()).invoke(inScope -> {
                            if (!inScope) {
                                throw new StoreExceptions.NotPermitted("your roles do not allow transition '" + transition.name()
                                        + "' on this " + entity.qualifiedName() + ": it is outside the records you may update");
                            }
                        }))
                .flatMap(found -> {
                    ObjectNode stored = found.orElseThrow(() -> new StoreExceptions.RecordNotFound(entity.qualifiedName(), id));
                    String state = stored.path(workflow.field()).asText();
                    if (!transition.from().contains(state)) {
                        throw TransitionRefused.illegal(transition.name(), state, workflow.allowedFrom(state));
                    }
                    checkGuard(entity, transition, stored, state);
                    return records.update(c, caller, catalog, entity, id, values(entity, workflow, transition))
                            .call(after -> emit(c, caller, entity, transition, state, after));
                }));
    }

    private void checkGuard(EntityDescriptor entity, Transition transition, ObjectNode stored, String state) {
        EntityExpressions compiled = expressions.of(entity);
        compiled.guard(transition).ifPresent(program -> {
            EntityExpressions.Evaluation result = EntityExpressions.evaluate(program, RecordActivation.of(entity.def(), stored));
            if (!result.isTrue()) {
                String message = transition.guardMessage().orElse("the guard of transition '" + transition.name()
                        + "' does not hold: " + transition.guard().orElse(""));
                throw TransitionRefused.guard(transition.name(), state,
                        result.error() == null ? message : message + " (" + result.error() + ")");
            }
        });
    }

    private static Map<FieldDescriptor, Object> values(EntityDescriptor entity, Workflow workflow, Transition transition) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        transition.set().forEach(json::set);
        json.put(workflow.field(), transition.to());
        return new LinkedHashMap<>(TypedValues.parse(entity, json, ""));
    }

    private Uni<Void> emit(SqlConnection c, Caller caller, EntityDescriptor entity, Transition transition, String from,
                           ObjectNode after) {
        if (transition.emit().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        // the first URN of a custom event's payload is the record it is about (its subject in the event log)
        payload.put("record", "urn:prm:" + entity.module() + ":" + entity.path() + ":" + after.path("id").asText());
        payload.put("id", after.path("id").asText());
        payload.put("entity", entity.qualifiedName());
        payload.put("transition", transition.name());
        payload.put("from", from);
        payload.put("to", transition.to());
        return events.emit(c, caller, transition.emit().get(), payload);
    }
}
