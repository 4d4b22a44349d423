package io.prmos.engine.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A Content-Security-Policy on every response outside {@code /q/} (Quarkus's own pages: Swagger UI,
 * dev UI, health, metrics), ADR 0151: scripts only from this origin — the runtime's chunks and the
 * module UI bundles it serves — never inline and never {@code eval}. Styles may be inline because
 * Mantine and CodeMirror inject style elements at run time. The browser calls only this origin and,
 * when sign-in goes through an OIDC provider, that provider's origin (token and user-info requests).
 */
@ApplicationScoped
public class ContentSecurityPolicy {

    public static final String HEADER = "Content-Security-Policy";

    @ConfigProperty(name = "prm.oidc.issuer")
    Optional<String> oidcIssuer;

    private String policy;

    void register(@Observes Router router) {
        policy = policy(oidcIssuer.filter(s -> !s.isBlank()).map(ContentSecurityPolicy::origin).orElse(null));
        router.route().order(Integer.MIN_VALUE + 1).handler(this::apply);
    }

    private void apply(RoutingContext context) {
        String path = context.normalizedPath();
        if (!path.equals("/q") && !path.startsWith("/q/")) {
            context.response().putHeader(HEADER, policy);
        }
        context.next();
    }

    /** The policy, with the identity provider's origin (or null) allowed for connections. */
    static String policy(String identityOrigin) {
        String connect = identityOrigin == null ? "'self'" : "'self' " + identityOrigin;
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "font-src 'self' data:; connect-src " + connect + "; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors 'self'";
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
