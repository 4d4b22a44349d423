package io.prmos.engine.ui;

import io.prmos.metadata.catalog.EntityDescriptor;

/** The URLs the web runtime uses for an entity: its REST collection and its page route. */
final class UiPaths {

    private UiPaths() {
    }

    static String api(EntityDescriptor entity) {
        return "/api/v1/" + entity.module() + "/" + entity.path();
    }

    static String route(EntityDescriptor entity) {
        return "/o/" + entity.module() + "/" + entity.path();
    }
}
