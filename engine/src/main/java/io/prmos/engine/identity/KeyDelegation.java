package io.prmos.engine.identity;

import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.security.Caller;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which roles a caller may put on a new API key. A key never holds more than the chain of callers
 * that created it: a caller authenticated with a key may grant only roles that key holds (and since
 * that key was bounded the same way when it was made, so is every key down the chain). A person who
 * is a tenant admin may grant any tenant role, the root of their tenant's chain; only a platform
 * operator may grant {@code platform_operator}, which reaches beyond the tenant.
 */
final class KeyDelegation {

    private KeyDelegation() {
    }

    /** Throws 403 when {@code requested} holds a role the caller may not delegate. */
    static void check(Caller caller, boolean callerIsKey, Set<String> requested) {
        if (requested.contains(Caller.PLATFORM_OPERATOR_ROLE) && !caller.isPlatformOperator()) {
            throw forbidden("only a platform operator may grant the role " + Caller.PLATFORM_OPERATOR_ROLE);
        }
        if (callerIsKey) {
            Set<String> beyond = new TreeSet<>(requested);
            beyond.removeAll(caller.roles());
            if (!beyond.isEmpty()) {
                throw forbidden("an API key may grant only roles it holds itself " + new TreeSet<>(caller.roles())
                        + "; it lacks " + beyond);
            }
        }
    }

    private static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail, List.of());
    }
}
