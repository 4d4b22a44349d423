package io.prmos.engine.web;

import java.util.Set;

/**
 * The route template of a request path, for metrics: {@code /api/v1/partners/partner/3f…} becomes
 * {@code /api/v1/{module}/{entity}/{id}}. Only literal segments the engine itself defines survive, so
 * the set of templates stays small whatever paths clients send (unknown ones fold into {@code {…}}
 * placeholders or a trailing {@code /*}).
 */
final class RouteTemplates {

    /** Kernel collections under /api/v1 — everything else there is a module's entity. */
    private static final Set<String> KERNEL = io.prmos.engine.api.KernelPaths.V1_COLLECTIONS;
    private static final Set<String> ENTITY_LITERALS = Set.of("bulk", "export", "import");
    private static final Set<String> RECORD_LITERALS = Set.of("restore", "children", "ancestors", "subtree", "links",
            "history", "purge", "transitions", "actions");
    private static final Set<String> API_AREAS = Set.of("admin", "designer", "dev-identity", "test-support");
    private static final Set<String> ADMIN = Set.of("api-keys", "custom-fields", "dictionaries", "modules", "webhooks");
    private static final Set<String> OPERATIONS = Set.of("health", "metrics", "openapi", "swagger-ui");

    private RouteTemplates() {
    }

    static String of(String path) {
        if (path == null || !path.startsWith("/")) {
            return "/*";
        }
        String[] s = path.substring(1).split("/", 8);
        if (s.length >= 2 && s[0].equals("api") && s[1].equals("v1")) {
            return v1(s);
        }
        if (s[0].equals("api")) {
            return s.length < 2 || !API_AREAS.contains(s[1]) ? "/api/*"
                    : s[1].equals("admin") && s.length > 2 && ADMIN.contains(s[2]) ? "/api/admin/" + s[2] + (s.length > 3 ? "/*" : "")
                    : "/api/" + s[1] + (s.length > 2 ? "/*" : "");
        }
        if (s[0].equals("q")) {
            return s.length > 1 && OPERATIONS.contains(s[1]) ? "/q/" + s[1] + (s.length > 2 ? "/*" : "") : "/q/*";
        }
        return s[0].equals("mcp") && s.length == 1 ? "/mcp" : "/*";
    }

    private static String v1(String[] s) {
        if (s.length == 2) {
            return "/api/v1";
        }
        if (KERNEL.contains(s[2])) {
            return "/api/v1/" + s[2] + (s.length > 3 ? "/*" : "");
        }
        return switch (s.length) {
            case 3 -> "/api/v1/{module}";
            case 4 -> "/api/v1/{module}/{entity}";
            case 5 -> "/api/v1/{module}/{entity}/" + (ENTITY_LITERALS.contains(s[4]) ? s[4] : "{id}");
            case 6 -> "/api/v1/{module}/{entity}/{id}/" + (RECORD_LITERALS.contains(s[5]) ? s[5] : "{sub}");
            default -> "/api/v1/{module}/{entity}/{id}/" + (RECORD_LITERALS.contains(s[5]) ? s[5] + "/{name}" : "{sub}/*");
        };
    }
}
