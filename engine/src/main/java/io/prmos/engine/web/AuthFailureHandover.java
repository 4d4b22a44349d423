package io.prmos.engine.web;

import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Hands an authentication failure to the REST layer's exception mappers, as Quarkus REST does, without
 * the per-request cost Quarkus pays for it when Micrometer is present (docs/adr/0092).
 *
 * <p>Quarkus's authentication route (order -200) installs its default failure handler; the REST layer's
 * route just after it (-199) replaces that with one that fails the routing context, so the REST layer's
 * mappers answer — and, whenever Micrometer is on the classpath, first works out the request's REST
 * template for metrics by building a request mapper of every resource class, on every request. This route
 * runs between the two (-199, registered before Quarkus's routes of equal order) and installs the same
 * failing handler itself; the REST layer's route then leaves it alone. Like Quarkus REST with its own, the
 * handler is withdrawn again where the REST layer (or a direct route) takes the request: see
 * {@link #withdraw}. The engine's request metrics take their template from {@link RouteTemplates}.
 */
@ApplicationScoped
public class AuthFailureHandover {

    static final int ORDER = -199;
    /** Just before the REST layer's route (20,500), after everything that may fail a request before it. */
    static final int REST_ENTRY = 20_000;

    /** What Quarkus REST's own replacement does: mark the failure, fail the context with its root cause. */
    private static final LongAdder FAILED_TO_REST = new LongAdder();
    private static final BiConsumer<RoutingContext, Throwable> FAIL_TO_REST = (context, failure) -> {
        FAILED_TO_REST.increment();
        DefaultAuthFailureHandler.markIfOtherAuthenticationFailure(context, failure);
        if (!context.failed()) {
            context.fail(DefaultAuthFailureHandler.extractRootCause(failure));
        }
    };

    private final LongAdder handedOver = new LongAdder();

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handOver);
        router.route().order(REST_ENTRY).handler(context -> {
            withdraw(context);
            context.next();
        });
    }

    /**
     * Takes the handler back for a request about to be answered by code that maps authentication failures
     * itself — the REST layer, as Quarkus REST does with its own handler at its entry, and the direct
     * routes before they resolve the identity. Left in place, a failed lazy authentication would both fail
     * the routing context (one answer) and be mapped by that code (a second answer on the same response).
     */
    public static void withdraw(RoutingContext context) {
        if (context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) == FAIL_TO_REST) {
            context.remove(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        }
    }

    /** Authentication failures that went through the handler: outside the REST layer and the direct routes only. */
    static long failedToRest() {
        return FAILED_TO_REST.sum();
    }

    private void handOver(RoutingContext context) {
        if (context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
            context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, FAIL_TO_REST);
            handedOver.increment();
        }
        context.next();
    }

    /** Requests whose failure handler this route replaced: none means it no longer runs where it must. */
    long handedOver() {
        return handedOver.sum();
    }
}
