package io.prmos.engine.api;

import java.util.Set;

/** The kernel's own collections under {@code /api/v1}; every other first segment there names a module. */
public final class KernelPaths {

    public static final Set<String> V1_COLLECTIONS = Set.of("activity", "agents", "events", "jobs", "links",
            "notifications", "recycle-bin", "resolve", "search", "tasks", "ui");

    private KernelPaths() {
    }
}
