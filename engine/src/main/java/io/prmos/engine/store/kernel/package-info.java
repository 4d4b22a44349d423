/**
 * Rows of the kernel's own feature tables that are not about records: notifications, tasks and agent
 * runs (migrations V120, V121). SQL lives here because only the store packages write SQL; every
 * statement runs through {@link io.prmos.engine.store.TenantTransactions}, so row-level security
 * confines it to the caller's tenant, and names the tenant as well. Used by the notifications,
 * tasks and agents packages.
 */
package io.prmos.engine.store.kernel;
