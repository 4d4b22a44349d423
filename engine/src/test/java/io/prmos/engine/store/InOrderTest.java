package io.prmos.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Steps one after the other without nesting (issue 11, item 12: deep chains overflowed the event loop's stack). */
class InOrderTest {

    @Test
    void aHundredThousandStepsThatCompleteAtOnceDoNotGrowTheStack() {
        List<Integer> items = IntStream.range(0, 100_000).boxed().toList();
        List<Integer> doubled = InOrder.each(items, i -> Uni.createFrom().item(i * 2)).await().atMost(Duration.ofSeconds(30));
        assertEquals(100_000, doubled.size());
        assertEquals(199_998, doubled.get(99_999));
    }

    @Test
    void asynchronousStepsRunOneAfterTheOtherInItemOrder() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            List<Integer> started = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Integer> results = InOrder.each(List.of(3, 1, 2), i -> {
                started.add(i);
                CompletableFuture<Integer> later = new CompletableFuture<>();
                timer.schedule(() -> later.complete(i * 10), 10L * i, TimeUnit.MILLISECONDS);
                return Uni.createFrom().completionStage(later);
            }).await().atMost(Duration.ofSeconds(10));
            assertEquals(List.of(30, 10, 20), results);
            assertEquals(List.of(3, 1, 2), started);
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void theFirstFailureStopsTheSteps() {
        List<Integer> seen = new ArrayList<>();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> InOrder.each(List.of(1, 2, 3, 4), i -> {
            seen.add(i);
            return i == 2 ? Uni.createFrom().<Integer>failure(new IllegalStateException("item 2")) : Uni.createFrom().item(i);
        }).await().atMost(Duration.ofSeconds(5)));
        assertEquals("item 2", failure.getMessage());
        assertEquals(List.of(1, 2), seen);
    }

    @Test
    void noItemsIsAnEmptyResult() {
        assertEquals(List.of(), InOrder.each(List.<Integer>of(), i -> Uni.createFrom().item(i)).await().atMost(Duration.ofSeconds(5)));
    }
}
