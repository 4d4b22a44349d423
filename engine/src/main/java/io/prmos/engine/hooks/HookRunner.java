package io.prmos.engine.hooks;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs hook code: synchronous module code, on threads of its own (never on the event loop), each call
 * with a deadline — the entity's {@code hooks.timeoutMillis} or {@code prm.hooks.timeout}. A call that
 * overruns is interrupted, its context closed, and the caller's write fails with a 504 problem naming it.
 */
@ApplicationScoped
public class HookRunner {

    private static final Logger LOG = Logger.getLogger(HookRunner.class);

    @ConfigProperty(name = "prm.hooks.timeout", defaultValue = "2s")
    Duration defaultTimeout;

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "prm-hook-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    HookCall call(String hookId, Optional<Integer> timeoutMillis) {
        return new HookCall(hookId, timeoutMillis.map(ms -> Duration.ofMillis(ms)).orElse(defaultTimeout));
    }

    /** Runs {@code body} for a hook call inside a transaction; failures become {@link HookFailure}s. */
    Uni<Void> run(HookCall call, String recordPointer, Runnable body) {
        Context vertx = Vertx.currentContext();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Future<?> task = executor.submit(() -> {
            try {
                body.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        Uni<Void> outcome = Uni.createFrom().completionStage(done)
                .ifNoItem().after(call.timeout()).failWith(() -> {
                    call.close();
                    task.cancel(true);
                    LOG.warnf("Hook %s overran its %d ms timeout and was stopped", call.hookId(), call.timeout().toMillis());
                    return HookFailure.timedOut(call.hookId(), call.timeout());
                })
                .onFailure().transform(f -> HookFailure.of(call.hookId(), recordPointer, f))
                .onTermination().invoke(call::close);
        return vertx == null ? outcome : outcome.emitOn(command -> vertx.runOnContext(x -> command.run()));
    }

    /** Runs a hook call after commit: nothing waits for it, failures and overruns are logged. */
    void detached(HookCall call, Consumer<HookCall> body) {
        Future<?> task = executor.submit(() -> {
            try {
                body.accept(call);
            } catch (Throwable t) {
                LOG.errorf(t, "After-commit hook %s failed (the write had committed)", call.hookId());
            } finally {
                call.close();
            }
        });
        Uni.createFrom().voidItem().onItem().delayIt().by(call.timeout()).subscribe().with(x -> {
            if (!task.isDone()) {
                call.close();
                task.cancel(true);
                LOG.warnf("After-commit hook %s overran its %d ms timeout and was stopped", call.hookId(), call.timeout().toMillis());
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
