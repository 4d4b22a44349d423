package io.prmos.engine.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A bearer token's claims are typed once, when it is authenticated, and the caller is built from them. */
class ClaimsAugmentorTest {

    @Test
    void theCallerComesFromTheClaimsTypedWhenTheTokenWasAuthenticated() {
        CountingToken token = new CountingToken(Map.of("tenant", "acme", "sub", "u-1", "preferred_username", "alice"));
        SecurityIdentity augmented = new ClaimsAugmentor().augment(identity(token), null).await().atMost(Duration.ofSeconds(1));
        int readsWhileAuthenticating = token.reads.get();

        Caller caller = CallerResolver.of(augmented);
        Caller again = CallerResolver.of(augmented);

        assertEquals(new TokenClaims.Typed("acme", "u-1", "alice"), augmented.getAttribute(TokenClaims.TYPED));
        assertEquals("acme", caller.tenant());
        assertEquals("u-1", again.user());
        assertEquals(readsWhileAuthenticating, token.reads.get(), "no claim is read again per request");
    }

    @Test
    void aTokenWithAMalformedTenantIsRefusedWhileItIsAuthenticated() {
        CountingToken token = new CountingToken(Map.of("tenant", 42L, "sub", "u-1"));
        Throwable refused = assertThrows(AuthenticationFailedException.class,
                () -> new ClaimsAugmentor().augment(identity(token), null).await().atMost(Duration.ofSeconds(1)));
        assertEquals("the token's tenant claim must be a string", refused.getMessage());
    }

    @Test
    void anIdentityWithoutTypedClaimsIsStillReadFromItsToken() {
        Caller caller = CallerResolver.of(identity(new CountingToken(Map.of("tenant", "acme", "sub", "u-2"))));
        assertEquals("acme", caller.tenant());
        assertEquals("u-2", caller.userName());
    }

    private static SecurityIdentity identity(JsonWebToken token) {
        return QuarkusSecurityIdentity.builder().setPrincipal(token).addRoles(Set.of("user")).build();
    }

    /** A token that counts how often its claims are read. */
    private static final class CountingToken implements JsonWebToken {
        private final Map<String, Object> claims;
        final AtomicInteger reads = new AtomicInteger();

        CountingToken(Map<String, Object> claims) {
            this.claims = claims;
        }

        @Override
        public String getName() {
            return String.valueOf(claims.get("sub"));
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            reads.incrementAndGet();
            return (T) claims.get(claimName);
        }
    }
}
