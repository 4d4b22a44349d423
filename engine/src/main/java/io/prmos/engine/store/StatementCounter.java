package io.prmos.engine.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test seam ({@code prm.test.count-statements=true}, refused outside tests): wraps the data role's
 * pool so that every statement a connection prepares or sends is counted. Specs read the count
 * before and after a request to prove that work is one statement per entity, not one per row. The
 * session's tenant setting is not counted: it is sent only when a connection's session has another
 * tenant (docs/adr/0104), which depends on the connection a request gets.
 */
public final class StatementCounter {

    private static final AtomicLong COUNT = new AtomicLong();

    private StatementCounter() {
    }

    public static long count() {
        return COUNT.get();
    }

    public static io.vertx.mutiny.sqlclient.Pool wrap(io.vertx.mutiny.sqlclient.Pool pool) {
        io.vertx.sqlclient.Pool core = pool.getDelegate();
        io.vertx.sqlclient.Pool counting = (io.vertx.sqlclient.Pool) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] {io.vertx.sqlclient.Pool.class}, new PoolHandler(core));
        return io.vertx.mutiny.sqlclient.Pool.newInstance(counting);
    }

    private record PoolHandler(io.vertx.sqlclient.Pool delegate) implements InvocationHandler {
        @Override
        @SuppressWarnings("unchecked")
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if ((name.equals("withConnection") || name.equals("withTransaction")) && method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (name.equals("getConnection") && (args == null || args.length == 0)) {
                return ((io.vertx.core.Future<io.vertx.sqlclient.SqlConnection>) call(method, args)).map(StatementCounter::connection);
            }
            if (name.equals("getConnection") && args.length == 1 && args[0] instanceof io.vertx.core.Handler<?> handler) {
                io.vertx.core.Handler<io.vertx.core.AsyncResult<io.vertx.sqlclient.SqlConnection>> h =
                        (io.vertx.core.Handler<io.vertx.core.AsyncResult<io.vertx.sqlclient.SqlConnection>>) handler;
                delegate.getConnection().map(StatementCounter::connection).onComplete(h);
                return null;
            }
            count(method, args);
            return call(method, args);
        }

        private Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private static void count(Method method, Object[] args) {
        boolean statement = method.getName().equals("query") || method.getName().equals("preparedQuery");
        if (statement && !(args != null && args.length > 0 && TenantTransactions.SET_SESSION_TENANT.equals(args[0]))) {
            COUNT.incrementAndGet();
        }
    }

    /** The connection, counting its statements; it stays a {@code SqlConnectionInternal} when the real one is (ADR 0104). */
    private static io.vertx.sqlclient.SqlConnection connection(io.vertx.sqlclient.SqlConnection real) {
        Class<?>[] types = real instanceof io.vertx.sqlclient.impl.SqlConnectionInternal
                ? new Class<?>[] {io.vertx.sqlclient.SqlConnection.class, io.vertx.sqlclient.impl.SqlConnectionInternal.class}
                : new Class<?>[] {io.vertx.sqlclient.SqlConnection.class};
        return (io.vertx.sqlclient.SqlConnection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                types, (proxy, method, args) -> {
                    count(method, args);
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
