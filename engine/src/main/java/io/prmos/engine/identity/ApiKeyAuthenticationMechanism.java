package io.prmos.engine.identity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates {@code Authorization: ApiKey prm_…} for service accounts and workers. Verified keys
 * are remembered for a short time so a busy worker does not cost a lookup per request; a revoked
 * key stops working at once on this instance and within {@link #REMEMBER} on others.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SCHEME = "ApiKey";
    static final Duration REMEMBER = Duration.ofSeconds(30);

    private record Verified(ApiKeyPrincipal key, String secretHash, Instant until) {
    }

    /** What a key acts as. */
    public record ApiKeyPrincipal(UUID id, String tenant, String name, Set<String> roles) {
    }

    private final Map<UUID, Verified> recent = new ConcurrentHashMap<>();

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
            return Uni.createFrom().nullItem();
        }
        var presented = ApiKeySecrets.parse(header.substring(SCHEME.length() + 1).trim());
        if (presented.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("malformed API key"));
        }
        return lookup(presented.get().id()).map(verified -> {
            if (verified == null || !ApiKeySecrets.matches(presented.get().secret(), verified.secretHash())) {
                throw new AuthenticationFailedException("unknown or revoked API key");
            }
            return identity(verified.key());
        });
    }

    private Uni<Verified> lookup(UUID id) {
        Verified cached = recent.get(id);
        if (cached != null && cached.until().isAfter(Instant.now())) {
            return Uni.createFrom().item(cached);
        }
        return Panache.withSession(() -> ApiKeyEntity.<ApiKeyEntity>findById(id)).map(entity -> {
            if (entity == null || entity.revokedAt != null) {
                recent.remove(id);
                return null;
            }
            Verified verified = new Verified(new ApiKeyPrincipal(entity.id, entity.tenantId, entity.name, Set.of(entity.roles)),
                    entity.secretHash, Instant.now().plus(REMEMBER));
            recent.put(id, verified);
            return verified;
        });
    }

    /** Forget a key at once (after revocation). */
    public void forget(UUID id) {
        recent.remove(id);
    }

    static SecurityIdentity identity(ApiKeyPrincipal key) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("apikey:" + key.id()))
                .addRoles(key.roles())
                .addAttribute(IdentityAttributes.TENANT, key.tenant())
                .addAttribute(IdentityAttributes.USER_ID, "apikey:" + key.id())
                .addAttribute(IdentityAttributes.USER_NAME, key.name())
                .addAttribute(IdentityAttributes.API_KEY_ID, key.id())
                .build();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", SCHEME));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }
}
