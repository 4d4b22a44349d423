package io.prmos.metadata.certify;

import java.util.LinkedHashMap;
import java.util.Map;

/** The checklist, in report order: ids and titles. */
public final class CheckIds {

    public static final String MANIFEST = "manifest";
    public static final String LABELS = "labels";
    public static final String EVENTS = "events";
    public static final String API = "api";
    public static final String SECURITY = "security";
    public static final String PERFORMANCE = "performance";
    public static final String DOCUMENTATION = "documentation";
    public static final String UI = "ui";
    public static final String TESTS = "tests";

    /** Every check, in the order reports list them. */
    public static final Map<String, String> TITLES;

    static {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put(MANIFEST, "Manifest valid (schema and semantic checks)");
        titles.put(LABELS, "Every entity and field labelled and described");
        titles.put(EVENTS, "Published events have schemas; emitted events match them");
        titles.put(API, "API responses conform to the generated OpenAPI document");
        titles.put(SECURITY, "Security review (permissions lint)");
        titles.put(PERFORMANCE, "Performance budgets");
        titles.put(DOCUMENTATION, "README names the module's entities, events and roles");
        titles.put(UI, "UI extensions use only design-system components");
        titles.put(TESTS, "The module's scenarios pass");
        TITLES = java.util.Collections.unmodifiableMap(titles);
    }

    /** The checks a certificate's claims are re-computed for by the engine (they need only the manifest). */
    public static final java.util.List<String> STATIC = java.util.List.of(MANIFEST, LABELS, EVENTS, SECURITY, UI);

    private CheckIds() {
    }

    public static String title(String id) {
        return TITLES.getOrDefault(id, id);
    }
}
