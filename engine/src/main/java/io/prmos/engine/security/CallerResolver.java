package io.prmos.engine.security;

import io.prmos.engine.identity.IdentityAttributes;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the authenticated identity of the current request into a {@link Caller}: tenant from the
 * token's {@code tenant} claim (typed by {@link TokenClaims}) or the API key's tenant, user id from the subject. An identity
 * without a tenant is refused: every row belongs to a tenant, so there is nothing it could see.
 */
@ApplicationScoped
public class CallerResolver {

    @Inject
    SecurityIdentity identity;

    @Inject
    RequestIds requestIds;

    /** The caller of the current request, carrying the request's id (see {@link RequestIds}). */
    public Caller current() {
        return of(identity).withRequestId(requestIds.current());
    }

    /** The caller an identity stands for; anonymous or tenant-less identities are refused. */
    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            throw new UnauthorizedException("authentication required");
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            TokenClaims.Typed claims = identity.getAttribute(TokenClaims.TYPED) instanceof TokenClaims.Typed typed ? typed : TokenClaims.read(jwt);
            return caller(identity, claims.tenant(), claims.subject(), claims.userName());
        }
        return caller(identity, identity.getAttribute(IdentityAttributes.TENANT), identity.getAttribute(IdentityAttributes.USER_ID),
                identity.getAttribute(IdentityAttributes.USER_NAME));
    }

    private static Caller caller(SecurityIdentity identity, String tenant, String user, String userName) {
        if (tenant == null || tenant.isBlank() || user == null) {
            throw new AuthenticationFailedException("the token carries no tenant claim");
        }
        return new Caller(tenant, user, userName, identity.getRoles());
    }
}
