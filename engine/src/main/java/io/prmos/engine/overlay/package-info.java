/**
 * Tenant overlays: custom fields and extensible dictionary values that a tenant's admins manage at
 * run time, kept in kernel tables and compiled into the tenant's view of the catalog
 * ({@link io.prmos.engine.overlay.TenantCatalogs}), which every request path reads through
 * {@code CatalogHolder.forTenant}. Admin endpoints live here too; SQL stays in {@code schema} and
 * {@code store}.
 */
package io.prmos.engine.overlay;
