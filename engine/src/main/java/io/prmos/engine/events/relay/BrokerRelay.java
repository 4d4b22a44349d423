package io.prmos.engine.events.relay;

import io.prmos.engine.events.DomainEvent;
import io.prmos.engine.events.EventLog;
import io.prmos.engine.events.EventSubscriber;
import io.prmos.engine.events.PollingWorker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Relays the event log to the configured broker on a thread of its own, so a broker outage delays
 * nothing but itself. Its progress is a cluster subscriber's position ({@code broker:kafka} or
 * {@code broker:rabbitmq}): each batch is read after that position under the progress row's lock
 * ({@code FOR UPDATE SKIP LOCKED}: one instance relays at a time), published, and the position moves
 * past the batch only once the broker acknowledged all of it. A failed batch is sent again from the
 * same position on the next cycle, so an outage loses nothing and may repeat events (consumers
 * deduplicate on the event id). It is also an instance subscriber whose only job is to wake the
 * thread when new events are stamped.
 */
@ApplicationScoped
public class BrokerRelay implements EventSubscriber {

    private static final Logger LOG = Logger.getLogger(BrokerRelay.class);

    static final String PROGRESS_ENSURE = "INSERT INTO prm_kernel.event_subscriber_progress (subscriber, position)"
            + " VALUES ($1, $2) ON CONFLICT (subscriber) DO NOTHING";
    static final String PROGRESS_LOCK = "SELECT position FROM prm_kernel.event_subscriber_progress"
            + " WHERE subscriber = $1 FOR UPDATE SKIP LOCKED";
    static final String PROGRESS_SAVE = "UPDATE prm_kernel.event_subscriber_progress SET position = $2, updated_at = now()"
            + " WHERE subscriber = $1";

    @Inject
    BrokerSettings settings;

    @Inject
    Pool pool;

    private BrokerPublisher publisher;
    private PollingWorker worker;
    private ExecutorService sender;
    private volatile boolean failing;

    void onStart(@Observes @Priority(5200) StartupEvent event) {
        if (!settings.deliveryEnabled() || settings.type() == BrokerSettings.Type.NONE) {
            return;
        }
        publisher = settings.publisher();
        long start = settings.fromBeginning() ? 0 : pool.withConnection(EventLog::lastPosition).await().atMost(Duration.ofSeconds(60));
        pool.preparedQuery(PROGRESS_ENSURE).execute(Tuple.of(progressId(), start)).await().atMost(Duration.ofSeconds(60));
        sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "prm-broker-publish");
            t.setDaemon(true);
            return t;
        });
        worker = new PollingWorker("prm-broker-relay", settings.pollInterval(), this::cycle);
        worker.start();
        LOG.infof("relaying events to %s (%s)", settings.type().name().toLowerCase(), settings.describe());
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        if (worker != null) {
            worker.stop();
            sender.shutdownNow();
            publisher.close();
        }
    }

    String progressId() {
        return "broker:" + settings.type().name().toLowerCase();
    }

    @Override
    public String id() {
        return "broker-relay-wake";
    }

    @Override
    public Scope scope() {
        return Scope.INSTANCE;
    }

    @Override
    public boolean accepts(DomainEvent event) {
        return worker != null;
    }

    @Override
    public Uni<Void> onEvent(DomainEvent event) {
        worker.wakeUp();
        return Uni.createFrom().voidItem();
    }

    void cycle() {
        try {
            worker.drain(() -> relayBatch() == settings.batchSize());
            if (failing) {
                failing = false;
                LOG.infof("%s is reachable again; relaying resumed", settings.type());
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("cannot relay events to %s; retrying from the stored position: %s", settings.type(), e.getMessage());
            }
            failing = true;
        }
    }

    /** One batch: read after the stored position, publish, move the position; all or nothing. */
    private int relayBatch() {
        Duration wait = settings.timeout().plusSeconds(30);
        return pool.withTransaction(c -> c.preparedQuery(PROGRESS_LOCK).execute(Tuple.of(progressId())).flatMap(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(0); // another instance relays now
            }
            long from = rows.iterator().next().getLong(0);
            return EventLog.after(c, from, settings.batchSize()).flatMap(events -> publishAndSave(c, events));
        })).await().atMost(wait);
    }

    private Uni<Integer> publishAndSave(SqlConnection c, List<DomainEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        long reached = events.get(events.size() - 1).position();
        // The broker's client blocks; it runs on its own thread, never on the event loop.
        return Uni.createFrom().completionStage(() -> CompletableFuture.runAsync(() -> publisher.publish(events), sender))
                .flatMap(x -> c.preparedQuery(PROGRESS_SAVE).execute(Tuple.of(progressId(), reached)))
                .map(x -> events.size());
    }
}
