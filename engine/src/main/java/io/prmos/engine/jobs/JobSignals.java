package io.prmos.engine.jobs;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Wakes long-polling leases when a job may have become available: LISTENs on the jobs channel, which
 * every enqueue and retry on any instance NOTIFYs at commit. A waiter also gives up after the poll
 * interval, which covers lost notifications, due retries and expired leases (no notification marks
 * those).
 */
@ApplicationScoped
public class JobSignals {

    private static final Logger LOG = Logger.getLogger(JobSignals.class);

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @ConfigProperty(name = "prm.jobs.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @Inject
    Vertx vertx;

    private final Set<UniEmitter<? super Boolean>> waiters = ConcurrentHashMap.newKeySet();
    private PgSubscriber subscriber;

    void onStart(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(JobStatements.CHANNEL).handler(payload -> wakeAll());
        subscriber.connect().subscribe().with(x -> LOG.debug("listening for new jobs"),
                failure -> LOG.warn("cannot LISTEN for jobs; leases fall back to polling", failure));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close().await().atMost(Duration.ofSeconds(5));
        }
    }

    /** Completes when a job was enqueued (true) or after at most the poll interval or {@code max} (false). */
    Uni<Boolean> next(Duration max) {
        Duration wait = max.compareTo(pollInterval) < 0 ? max : pollInterval;
        return Uni.createFrom().<Boolean>emitter(emitter -> {
            waiters.add(emitter);
            emitter.onTermination(() -> waiters.remove(emitter));
        }).ifNoItem().after(wait).recoverWithItem(false);
    }

    void wakeAll() {
        for (UniEmitter<? super Boolean> w : waiters) {
            waiters.remove(w);
            w.complete(true);
        }
    }
}
