package io.prmos.engine.security;

import io.prmos.engine.testing.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A user of the embedded identity provider as configured in {@code prm.dev-identity.users}
 * ({@code alice@acme=partner_manager|admin, ...}), or the anonymous caller (no name, no roles).
 */
record TestUser(String name, String tenant, Set<String> roles) {

    static final TestUser ANONYMOUS = new TestUser(null, null, Set.of());

    static List<TestUser> configured() {
        String users = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("prm.dev-identity.users", String.class);
        List<TestUser> out = new ArrayList<>();
        for (String entry : users.split(",")) {
            String[] nameAndRoles = entry.trim().split("=", 2);
            String[] userAndTenant = nameAndRoles[0].split("@", 2);
            Set<String> roles = new LinkedHashSet<>(List.of(nameAndRoles[1].split("\\|")));
            out.add(new TestUser(userAndTenant[0], userAndTenant[1], roles));
        }
        return out;
    }

    static TestUser named(String name) {
        return configured().stream().filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no configured user " + name));
    }

    boolean anonymous() {
        return name == null;
    }

    /** The Authorization header: a bearer token, or "" for anonymous (the default-caller filter then adds none). */
    String authorization() {
        return anonymous() ? "" : Tokens.bearer(name);
    }

    String subject() {
        return anonymous() ? "" : Tokens.subject(name);
    }

    /** {@code sales_rep bob}, {@code partner_manager|admin alice} or {@code anonymous}. */
    String label() {
        return anonymous() ? "anonymous" : String.join("|", roles) + " " + name;
    }

    Optional<String> tenantOpt() {
        return Optional.ofNullable(tenant);
    }
}
