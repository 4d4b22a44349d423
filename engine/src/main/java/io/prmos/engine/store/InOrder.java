package io.prmos.engine.store;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one asynchronous step per item, each after the previous one finished, without growing the stack:
 * steps that complete at once (most of a bulk request's validation stages) are looped over instead of
 * nested. A chain of a thousand {@code flatMap}s, or a concatenation that resubscribes from inside the
 * previous completion, can overflow the event loop's stack and leave a request unanswered with its
 * connection inside its transaction (issue 11, item 12).
 */
public final class InOrder<I, O> {

    private final List<I> items;
    private final Function<I, Uni<O>> step;
    private final UniEmitter<? super List<O>> emitter;
    private final List<O> results;
    private final AtomicInteger wip = new AtomicInteger();
    private int next;

    private InOrder(List<I> items, Function<I, Uni<O>> step, UniEmitter<? super List<O>> emitter) {
        this.items = items;
        this.step = step;
        this.emitter = emitter;
        this.results = new ArrayList<>(items.size());
    }

    /** The results of {@code step} for every item, in item order; the first failure fails the whole. */
    public static <I, O> Uni<List<O>> each(List<I> items, Function<I, Uni<O>> step) {
        return Uni.createFrom().emitter(emitter -> new InOrder<>(items, step, emitter).drain());
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        do {
            if (next == items.size()) {
                emitter.complete(results);
                return;
            }
            Uni<O> current;
            try {
                current = step.apply(items.get(next));
            } catch (RuntimeException e) {
                emitter.fail(e);
                return;
            }
            current.subscribe().with(result -> {
                results.add(result);
                next++;
                drain();
            }, emitter::fail);
        } while (wip.decrementAndGet() != 0);
    }
}
