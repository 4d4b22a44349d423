package io.prmos.engine.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Users of the embedded identity provider, written in configuration as
 * {@code alice@acme=partner_manager|admin, bob@acme=sales_rep}.
 */
public final class DevIdentityConfig {

    public static final String DEFAULT_KEY_FILE = ".prm/dev-identity-key";
    public static final String DEFAULT_ISSUER = "https://prm.local/dev-identity";
    public static final String AUDIENCE = "prm-api";

    /** One configured user. */
    public record DevUser(String username, String tenant, Set<String> roles) {
    }

    private DevIdentityConfig() {
    }

    public static List<DevUser> parseUsers(String text) {
        List<DevUser> users = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return users;
        }
        for (String entry : text.split(",")) {
            String trimmed = entry.trim();
            int at = trimmed.indexOf('@');
            int eq = trimmed.indexOf('=');
            if (at <= 0) {
                throw new IllegalArgumentException("prm.dev-identity.users: expected user@tenant=role|role, got '" + trimmed + "'");
            }
            String username = trimmed.substring(0, at);
            String tenant = eq < 0 ? trimmed.substring(at + 1) : trimmed.substring(at + 1, eq);
            Set<String> roles = new LinkedHashSet<>();
            if (eq >= 0) {
                for (String role : trimmed.substring(eq + 1).split("\\|")) {
                    if (!role.isBlank()) {
                        roles.add(role.trim());
                    }
                }
            }
            users.add(new DevUser(username, tenant, roles));
        }
        return users;
    }
}
