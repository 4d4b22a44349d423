package io.prmos.engine.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP server's request metrics, {@code http_server_requests_seconds{method, uri, status, outcome}}
 * on {@code /q/metrics}, in place of Quarkus's own binder (switched off in application.properties).
 * Quarkus's binder works out the REST template of every request by building a new request mapper of
 * all resource classes per request — about a tenth of the engine's CPU on a get by id (docs/adr/0092).
 * Here the template comes from {@link RouteTemplates} and each timer is looked up once.
 */
@ApplicationScoped
public class HttpMetrics {

    static final String NAME = "http.server.requests";

    @Inject
    MeterRegistry registry;

    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    private record Key(String method, String uri, int status) {
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::measure);
    }

    private void measure(RoutingContext context) {
        long start = System.nanoTime();
        context.addEndHandler(done -> {
            Key key = new Key(context.request().method().name(), RouteTemplates.of(context.request().path()),
                    context.response().getStatusCode());
            timers.computeIfAbsent(key, this::timer).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        });
        context.next();
    }

    private Timer timer(Key key) {
        return Timer.builder(NAME)
                .tag("method", key.method())
                .tag("uri", key.uri())
                .tag("status", Integer.toString(key.status()))
                .tag("outcome", outcome(key.status()))
                .register(registry);
    }

    private static String outcome(int status) {
        return status < 200 ? "INFORMATIONAL" : status < 300 ? "SUCCESS" : status < 400 ? "REDIRECTION"
                : status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
    }
}
