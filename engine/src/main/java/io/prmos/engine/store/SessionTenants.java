package io.prmos.engine.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenant each pooled connection's session is set to ({@code prm.tenant}, set at session level by
 * {@link TenantTransactions}), so that a read or a one-statement write on a connection whose session already
 * has the caller's tenant does not send the setting again (docs/adr/0104).
 *
 * <p>Keyed by the physical connection (the pool's connection behind each lease), remembered only once the
 * setting has succeeded. Only {@link TenantTransactions} sets the tenant at session level on this pool; a
 * transaction's {@code SET LOCAL} ends with the transaction and leaves the session's value as it was. A
 * connection this class cannot identify is always set. The memory is bounded: beyond {@link #MAX} connections
 * (closed ones stay until then) it starts over, which only costs settings sent again.
 */
final class SessionTenants {

    private static final int MAX = 1024;

    private final Map<Object, String> tenants = new ConcurrentHashMap<>();

    /** Whether the session of {@code connection} is known to have {@code tenant} set. */
    boolean holds(Object connection, String tenant) {
        Object key = key(connection);
        return key != null && tenant.equals(tenants.get(key));
    }

    /** The session of {@code connection} now has {@code tenant} (its setting succeeded). */
    void remember(Object connection, String tenant) {
        Object key = key(connection);
        if (key == null) {
            return;
        }
        if (tenants.size() >= MAX) {
            tenants.clear();
        }
        tenants.put(key, tenant);
    }

    /** The physical connection behind a lease (Vert.x's or Mutiny's), or {@code null} when it cannot be known. */
    private static Object key(Object connection) {
        Object core = connection instanceof io.vertx.mutiny.sqlclient.SqlConnection mutiny ? mutiny.getDelegate() : connection;
        return core instanceof io.vertx.sqlclient.impl.SqlConnectionInternal internal ? internal.unwrap() : null;
    }
}
