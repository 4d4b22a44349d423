package io.prmos.engine.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test seam ({@code prm.test.count-statements=true}, refused outside tests): wraps the data role's
 * pool so that every statement a connection prepares or sends is counted. Specs read the count
 * before and after a request to prove that work is one statement per entity, not one per row.
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
            if (name.equals("query") || name.equals("preparedQuery")) {
                COUNT.incrementAndGet();
            }
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

    private static io.vertx.sqlclient.SqlConnection connection(io.vertx.sqlclient.SqlConnection real) {
        return (io.vertx.sqlclient.SqlConnection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] {io.vertx.sqlclient.SqlConnection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("query") || method.getName().equals("preparedQuery")) {
                        COUNT.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
