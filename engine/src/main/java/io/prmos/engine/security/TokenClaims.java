package io.prmos.engine.security;

import io.prmos.engine.identity.IdentityAttributes;
import io.prmos.engine.json.Texts;
import io.quarkus.security.AuthenticationFailedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The one place where the claims a caller is built from are read and typed. A signed token is
 * trusted to say who the caller is, not to be well-formed: an identity provider mapper can put an
 * array, a number or an object into {@code tenant}, or text PostgreSQL cannot store. Such a token
 * is refused with 401 naming the claim, never a 500 (a claim read as String used to throw
 * ClassCastException) and never a caller whose tenant is a garbled value.
 */
public final class TokenClaims {

    /** Tenant ids are stored as {@code varchar(63)} in every kernel and entity table. */
    static final int MAX_TENANT = 63;
    /** Subjects and user names are stored as {@code varchar(255)} (created_by, actor, owner). */
    static final int MAX_USER = 255;

    private TokenClaims() {
    }

    /** Messages of refusals start with this; they name the claim and are safe to show in the 401. */
    static final String PREFIX = "the token";

    /** Whether an authentication failure is a refusal of claims (its message may be shown to the client). */
    public static boolean isRefusal(Throwable e) {
        return e instanceof AuthenticationFailedException && e.getMessage() != null && e.getMessage().startsWith(PREFIX);
    }

    private static AuthenticationFailedException refused(String detail) {
        return new AuthenticationFailedException(PREFIX + detail);
    }

    /** The identity attribute holding a bearer token's {@link Typed} claims, read once when it was authenticated. */
    public static final String TYPED = "prm.typed-claims";

    /** The typed claims: tenant, subject and display name (the subject when the token has no user name). */
    public record Typed(String tenant, String subject, String userName) {
    }

    public static Typed read(JsonWebToken jwt) {
        String tenant = text(jwt.getClaim(IdentityAttributes.TENANT_CLAIM), "tenant", MAX_TENANT, true);
        String subject = text(jwt.getClaim("sub"), "sub", MAX_USER, true);
        String name = text(jwt.getClaim("preferred_username"), "preferred_username", MAX_USER, false);
        return new Typed(tenant, subject, name == null ? subject : name);
    }

    private static String text(Object value, String claim, int maxLength, boolean required) {
        if (value == null) {
            if (required) {
                throw refused(" carries no " + claim + " claim");
            }
            return null;
        }
        if (!(value instanceof String text)) {
            throw refused("'s " + claim + " claim must be a string");
        }
        if (text.isBlank() || text.length() > maxLength) {
            throw refused("'s " + claim + " claim must be 1 to " + maxLength + " characters");
        }
        if (Texts.problem(text) != null || text.chars().anyMatch(Character::isISOControl)) {
            throw refused("'s " + claim + " claim must not contain control characters or invalid Unicode");
        }
        return text;
    }
}
