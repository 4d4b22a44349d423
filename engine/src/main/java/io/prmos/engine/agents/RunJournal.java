package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.kernel.RunRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Writes a run's events and wakes this instance's open streams of the run. The stored events are the
 * truth (streams read them by number, so they resume and see what other instances wrote); the wake-up
 * only saves a stream its next poll.
 */
@ApplicationScoped
public class RunJournal {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    RunRows rows;

    private final Map<UUID, Set<Runnable>> listeners = new ConcurrentHashMap<>();

    /** Appends an event (blocking: called from a run's own thread or a worker) and wakes the run's streams. */
    public RunRows.Event append(Caller tenant, UUID run, String kind, ObjectNode data) {
        RunRows.Event event = rows.append(tenant, run, kind, data).await().atMost(WAIT);
        wake(run);
        return event;
    }

    /** Appends without blocking (request threads) and wakes the run's streams. */
    public io.smallrye.mutiny.Uni<RunRows.Event> appendAsync(Caller tenant, UUID run, String kind, ObjectNode data) {
        return rows.append(tenant, run, kind, data).invoke(e -> wake(run));
    }

    public void wake(UUID run) {
        listeners.getOrDefault(run, Set.of()).forEach(Runnable::run);
    }

    /** Calls {@code listener} after each event of the run written on this instance, until the returned handle runs. */
    public Runnable listen(UUID run, Runnable listener) {
        listeners.computeIfAbsent(run, k -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(run, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }
}
