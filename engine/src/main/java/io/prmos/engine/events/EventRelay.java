package io.prmos.engine.events;

import io.quarkus.arc.All;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves committed events from the outbox to subscribers, on one background thread per instance:
 * it stamps positions on newly committed events, then lets each cluster subscriber consume from its
 * stored progress (locked {@code FOR UPDATE SKIP LOCKED}, so two instances never deliver the same
 * events to one subscriber concurrently), then hands new events to this instance's live subscribers.
 * A write on this instance wakes it after its commit ({@link OutboxObserver}); a stamp on another
 * instance notifies it ({@link OutboxListener}); a poll interval covers lost notifications.
 */
@ApplicationScoped
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "prm.events.delivery.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "prm.events.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @ConfigProperty(name = "prm.events.batch-size", defaultValue = "500")
    int batchSize;

    @Inject
    Pool pool;

    @Inject
    @All
    List<EventSubscriber> subscribers;

    private volatile long instancePosition;
    private PollingWorker worker;

    void onStart(@Observes @Priority(5000) StartupEvent event) {
        if (!enabled) {
            LOG.warn("event delivery is disabled (prm.events.delivery.enabled=false): events stay in the outbox");
            return;
        }
        instancePosition = pool.withConnection(EventLog::lastPosition).await().atMost(WAIT);
        for (EventSubscriber s : subscribers) {
            if (s.scope() == EventSubscriber.Scope.CLUSTER) {
                pool.preparedQuery(OutboxStatements.PROGRESS_ENSURE).execute(Tuple.of(s.id(), instancePosition)).await().atMost(WAIT);
            }
        }
        worker = new PollingWorker("prm-event-relay", pollInterval, this::cycle);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.stop();
        }
    }

    /** Asks for a cycle now (a NOTIFY arrived, or a test wants delivery without waiting). */
    public void wakeUp() {
        if (worker != null) {
            worker.wakeUp();
        }
    }

    void cycle() {
        while (stamp() == batchSize) {
            LOG.debug("stamped a full batch; stamping more");
        }
        for (EventSubscriber s : subscribers) {
            if (s.scope() == EventSubscriber.Scope.CLUSTER) {
                while (consume(s) == batchSize) {
                    LOG.debugf("%s consumed a full batch", s.id());
                }
            }
        }
        deliverToInstance();
    }

    /**
     * Stamps a batch; when it stamped any, its commit notifies the other instances (their live
     * subscribers wait for stamped events). Writes wake only their own instance's relay (docs/adr/0096).
     */
    private int stamp() {
        return pool.withTransaction(c -> c.query(OutboxStatements.LOCK_STAMPING).execute()
                .flatMap(x -> c.preparedQuery(OutboxStatements.STAMP).execute(Tuple.of(batchSize)))
                .flatMap(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(0)
                        : c.query(OutboxStatements.NOTIFY).execute().replaceWith(rows.rowCount()))).await().atMost(WAIT);
    }

    /** One batch for one cluster subscriber; its progress moves past every event it took. */
    private int consume(EventSubscriber subscriber) {
        return pool.withTransaction(c -> c.preparedQuery(OutboxStatements.PROGRESS_LOCK).execute(Tuple.of(subscriber.id()))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0); // another instance holds it
                    }
                    long from = rows.iterator().next().getLong(0);
                    return EventLog.after(c, from, batchSize).flatMap(events -> handOver(c, subscriber, from, events));
                })).await().atMost(WAIT);
    }

    private Uni<Integer> handOver(SqlConnection c, EventSubscriber subscriber, long from, List<DomainEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        if (subscriber.batches()) {
            return handOverBatch(c, subscriber, from, events);
        }
        long[] reached = {from};
        boolean[] failed = {false};
        // A Multi, not a chain of flatMaps: a chain as long as a batch would overflow the stack.
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(event -> failed[0] ? Uni.createFrom().item(false)
                        : deliver(subscriber, event).invoke(delivered -> {
                            if (delivered) {
                                reached[0] = event.position();
                            } else {
                                failed[0] = true;
                            }
                        }))
                .collect().last()
                .flatMap(x -> c.preparedQuery(OutboxStatements.PROGRESS_SAVE).execute(Tuple.of(subscriber.id(), reached[0])))
                .map(x -> failed[0] ? 0 : events.size());
    }

    /** The whole batch in one call; its progress moves past all of it, or (on a failure) not at all. */
    private Uni<Integer> handOverBatch(SqlConnection c, EventSubscriber subscriber, long from, List<DomainEvent> events) {
        List<DomainEvent> accepted = events.stream().filter(subscriber::accepts).toList();
        long last = events.get(events.size() - 1).position();
        Uni<Boolean> delivered = accepted.isEmpty() ? Uni.createFrom().item(true)
                : subscriber.onEvents(accepted).replaceWith(true).onFailure().recoverWithItem(failure -> {
                    LOG.warnf(failure, "subscriber %s failed on the %d events after position %d; they will be retried",
                            subscriber.id(), accepted.size(), from);
                    return false;
                });
        return delivered.flatMap(ok -> c.preparedQuery(OutboxStatements.PROGRESS_SAVE).execute(Tuple.of(subscriber.id(), ok ? last : from))
                .map(x -> ok ? events.size() : 0));
    }

    private static Uni<Boolean> deliver(EventSubscriber subscriber, DomainEvent event) {
        if (!subscriber.accepts(event)) {
            return Uni.createFrom().item(true);
        }
        return subscriber.onEvent(event).replaceWith(true).onFailure().recoverWithItem(failure -> {
            LOG.warnf(failure, "subscriber %s failed on event %s (position %d); it will be retried", subscriber.id(),
                    event.id(), event.position());
            return false;
        });
    }

    private void deliverToInstance() {
        List<EventSubscriber> live = subscribers.stream().filter(s -> s.scope() == EventSubscriber.Scope.INSTANCE).toList();
        List<DomainEvent> events;
        do {
            events = pool.withConnection(c -> EventLog.after(c, instancePosition, batchSize)).await().atMost(WAIT);
            for (DomainEvent event : events) {
                for (EventSubscriber s : live) {
                    deliver(s, event).await().atMost(WAIT);
                }
                instancePosition = event.position();
            }
        } while (events.size() == batchSize);
    }
}
