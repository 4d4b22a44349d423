package io.prmos.engine.registry;

import io.prmos.engine.overlay.TenantCatalogs;
import io.prmos.metadata.catalog.Catalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The active catalog. A request reads it once and keeps that instance for its whole life;
 * activation swaps the reference atomically, so no request ever sees half of a change.
 *
 * <p>Requests made for a tenant read {@link #forTenant}: the active catalog with that tenant's
 * overlay (custom fields, per-role access of them, effective extensible dictionaries) compiled in.
 * Every request path that validates, queries, authorises or describes records (REST, OpenAPI, UI
 * metadata) must use it, so custom fields behave exactly like declared ones.
 */
@ApplicationScoped
public class CatalogHolder {

    private final AtomicReference<Catalog> active = new AtomicReference<>(Catalog.empty());

    @Inject
    TenantCatalogs tenants;

    /** The installed modules as published, without any tenant's overlay (publishing, DDL, start-up). */
    public Catalog current() {
        return active.get();
    }

    /** The catalog as {@code tenant} sees it; the active catalog itself when the tenant has no overlay. */
    public Catalog forTenant(String tenant) {
        return tenants.view(active.get(), tenant);
    }

    void activate(Catalog catalog) {
        active.set(catalog);
    }
}
