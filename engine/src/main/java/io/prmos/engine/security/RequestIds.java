package io.prmos.engine.security;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request an id: the client's {@code X-Request-Id} when it is a sane token, else
 * a generated UUID. It is echoed in the response header, put in the log context ({@code requestId})
 * and carried by the {@link Caller}, so audit history and the activity log can name the request
 * that made a change — observers run on the event loop inside the transaction and see only the
 * Caller, never request-scoped beans.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String KEY = "prm.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    @Inject
    CurrentVertxRequest request;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::assign);
    }

    private void assign(RoutingContext context) {
        String offered = context.request().getHeader(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : generated();
        context.put(KEY, id);
        context.response().putHeader(HEADER, id);
        MDC.put("requestId", id);
        context.addEndHandler(done -> MDC.remove("requestId"));
        context.next();
    }

    /**
     * A random version-4 UUID. Not {@link UUID#randomUUID()}: a request id is a correlation token, not a
     * secret, and SecureRandom's shared, synchronised generator cost a read of the entropy pool per request.
     */
    static String generated() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** The id given to the request of {@code context}. */
    public static String of(RoutingContext context) {
        return context.get(KEY);
    }

    /** The current request's id, or null outside an HTTP request. */
    public String current() {
        try {
            RoutingContext context = request.getCurrent();
            return context == null ? null : context.get(KEY);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
