package io.prmos.engine.events;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * This instance's live tap on the log, for server-sent event streams: every event the relay stamps
 * or sees, in position order, handed to the open streams' listeners. Listeners must not block.
 */
@ApplicationScoped
public class LiveEvents implements EventSubscriber {

    private final Set<Consumer<DomainEvent>> listeners = new CopyOnWriteArraySet<>();

    @Override
    public String id() {
        return "live";
    }

    @Override
    public Scope scope() {
        return Scope.INSTANCE;
    }

    @Override
    public Uni<Void> onEvent(DomainEvent event) {
        listeners.forEach(listener -> listener.accept(event));
        return Uni.createFrom().voidItem();
    }

    public Runnable listen(Consumer<DomainEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
