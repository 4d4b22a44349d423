package io.prmos.engine.openapi;

import io.prmos.engine.security.AccessDecision;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.CallerResolver;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the caller of {@code /q/openapi} may do with one entity, so the document shows only their
 * operations and fields. Callers who are not signed in see no entity at all (deny by default).
 */
record CallerView(Set<Operation> operations, Set<String> visible, Set<String> writable) {

    boolean shows() {
        return !operations.isEmpty();
    }

    static Optional<Caller> currentCaller() {
        try {
            CurrentVertxRequest request = Arc.container().instance(CurrentVertxRequest.class).get();
            if (request == null || request.getCurrent() == null || !BlockingOperationControl.isBlockingAllowed()) {
                return Optional.empty();
            }
            return Optional.of(CallerResolver.of(QuarkusHttpUser.getSecurityIdentityBlocking(request.getCurrent(), null)));
        } catch (RuntimeException notSignedIn) {
            return Optional.empty();
        }
    }

    static CallerView of(PermissionEvaluator evaluator, Catalog catalog, Caller caller, EntityDescriptor entity) {
        Set<Operation> allowed = EnumSet.noneOf(Operation.class);
        Set<String> visible = new HashSet<>();
        Set<String> writable = new HashSet<>();
        for (Operation operation : Operation.values()) {
            AccessDecision decision = evaluator.decide(caller, catalog, entity, operation);
            if (decision.allowed()) {
                allowed.add(operation);
                writable.addAll(decision.writableFields());
                if (operation == Operation.READ) {
                    visible.addAll(decision.visibleFields());
                }
            }
        }
        return new CallerView(allowed, visible, writable);
    }
}
