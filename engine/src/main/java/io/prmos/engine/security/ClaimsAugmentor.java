package io.prmos.engine.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks the claims of every bearer token while it is authenticated, so a token whose tenant (or
 * subject, or user name) is missing or malformed is a 401 on every endpoint — also on those that
 * never build a {@link Caller}, such as the module-admin reads. The typed claims stay on the identity
 * ({@link TokenClaims#TYPED}): an identity remembered for its token is not read again per request.
 */
@ApplicationScoped
public class ClaimsAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            TokenClaims.Typed typed;
            try {
                typed = TokenClaims.read(jwt);
            } catch (io.quarkus.security.AuthenticationFailedException e) {
                return Uni.createFrom().failure(e);
            }
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addAttribute(TokenClaims.TYPED, typed).build());
        }
        return Uni.createFrom().item(identity);
    }
}
