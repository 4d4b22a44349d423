package io.prmos.engine.registry;

import io.prmos.metadata.catalog.Catalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The active catalog. A request reads it once and keeps that instance for its whole life;
 * activation swaps the reference atomically, so no request ever sees half of a change.
 */
@ApplicationScoped
public class CatalogHolder {

    private final AtomicReference<Catalog> active = new AtomicReference<>(Catalog.empty());

    public Catalog current() {
        return active.get();
    }

    void activate(Catalog catalog) {
        active.set(catalog);
    }
}
