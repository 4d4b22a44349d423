package io.prmos.engine.identity;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer authentication in front of quarkus-oidc (docs/adr/0085): a token seen before and still
 * valid is answered from {@link VerifiedTokens}; any other token goes to quarkus-oidc, which verifies
 * it (signature, issuer, audience, expiry) as before, and only a token it accepted is remembered.
 * Runs just before the OIDC mechanism (one priority step above it); requests without a bearer token
 * (API keys, anonymous) pass through untouched.
 */
@ApplicationScoped
public class VerifiedTokenMechanism implements HttpAuthenticationMechanism {

    private static final String SCHEME = "Bearer ";
    private static final Uni<HttpCredentialTransport> TRANSPORT =
            Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));

    @Inject
    OidcAuthenticationMechanism oidc;

    /** How many verified tokens to remember; 0 verifies every request's token. */
    @ConfigProperty(name = "prm.identity.token-cache.max-entries", defaultValue = "4096")
    int maxEntries;

    /** How long a remembered token is trusted before it is verified again, however late it expires. */
    @ConfigProperty(name = "prm.identity.token-cache.max-age", defaultValue = "PT5M")
    Duration maxAge;

    /** A token bound to the client certificate must be checked against each connection: never remembered. */
    @ConfigProperty(name = "quarkus.oidc.token.binding.certificate", defaultValue = "false")
    boolean certificateBound;

    private VerifiedTokens<SecurityIdentity> verified;

    @PostConstruct
    void init() {
        verified = new VerifiedTokens<>(certificateBound ? 0 : maxEntries, maxAge.toMillis(), System::currentTimeMillis);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = bearerToken(context.request().getHeader("Authorization"));
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        SecurityIdentity known = verified.get(token);
        if (known != null) {
            return Uni.createFrom().item(forRequest(known, context));
        }
        return oidc.authenticate(context, identityProviderManager).invoke(identity -> remember(token, identity));
    }

    /** Forgets every remembered token. */
    public void forgetAll() {
        verified.clear();
    }

    private void remember(String token, SecurityIdentity identity) {
        // Only an identity built from exactly this token, with an expiry, is remembered.
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt && token.equals(jwt.getRawToken())
                && jwt.getExpirationTime() > 0) {
            verified.remember(token, identity, jwt.getExpirationTime() * 1000L);
        }
    }

    /** The remembered identity with this request's routing context in place of the one it was verified in. */
    private static SecurityIdentity forRequest(SecurityIdentity known, RoutingContext context) {
        QuarkusSecurityIdentity.Builder builder = null;
        for (Map.Entry<String, Object> attribute : known.getAttributes().entrySet()) {
            if (attribute.getValue() instanceof RoutingContext) {
                builder = builder == null ? QuarkusSecurityIdentity.builder(known) : builder;
                builder.addAttribute(attribute.getKey(), context);
            }
        }
        return builder == null ? known : builder.build();
    }

    /** The token of {@code Authorization: Bearer <token>} (scheme case-insensitive), or null. */
    static String bearerToken(String header) {
        if (header == null || header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String token = header.substring(SCHEME.length()).trim();
        return token.isEmpty() || token.indexOf(' ') >= 0 ? null : token;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /**
     * Asked on every request when mechanisms are chosen by path; constant, unlike quarkus-oidc's answer
     * (which resolves the tenant configuration each time), because this mechanism only ever reads bearer tokens.
     */
    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return TRANSPORT;
    }

    @Override
    public int getPriority() {
        return oidc.getPriority() + 1;
    }
}
