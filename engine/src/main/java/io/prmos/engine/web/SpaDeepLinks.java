package io.prmos.engine.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers a browser's deep link (e.g. {@code /o/partners/partner/{id}}) with the single-page app.
 *
 * <p>Quinoa's own SPA routing runs after the REST layer, and since Quarkus 3.9 the REST layer hands
 * unmatched paths to the exception mapper of {@code WebApplicationException}, which answers a
 * problem+json 404 before Quinoa sees the request. This route runs first and reroutes page
 * navigations — GET, accepting {@code text/html}, outside {@code /api} and {@code /q}, with no file
 * extension — to {@code /}, which Quinoa serves as {@code index.html}. API clients keep their
 * problem+json 404 for unknown paths.
 */
@ApplicationScoped
public class SpaDeepLinks {

    static final int ORDER = -100;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(SpaDeepLinks::route);
    }

    private static void route(RoutingContext rc) {
        if (isPageNavigation(rc.request().method(), rc.normalizedPath(), rc.request().getHeader("Accept"))) {
            rc.reroute("/");
        } else {
            rc.next();
        }
    }

    static boolean isPageNavigation(HttpMethod method, String path, String accept) {
        if (method != HttpMethod.GET || path == null || path.equals("/") || accept == null || !accept.contains("text/html")) {
            return false;
        }
        if (path.equals("/api") || path.startsWith("/api/") || path.equals("/q") || path.startsWith("/q/")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
