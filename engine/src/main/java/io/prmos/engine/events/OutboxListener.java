package io.prmos.engine.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * LISTENs on the outbox channel and wakes the relay when another instance's relay stamped events or
 * a catalog or custom event committed (record writes wake their own instance's relay directly,
 * docs/adr/0096), so delivery does not wait for the next poll. It reconnects by itself; while it is
 * down the relay polls.
 */
@ApplicationScoped
public class OutboxListener {

    private static final Logger LOG = Logger.getLogger(OutboxListener.class);

    @ConfigProperty(name = "prm.events.delivery.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Inject
    Vertx vertx;

    @Inject
    EventRelay relay;

    private PgSubscriber subscriber;

    void onStart(@Observes @Priority(5100) StartupEvent event) {
        if (!enabled) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(OutboxStatements.CHANNEL).handler(payload -> relay.wakeUp());
        subscriber.connect().subscribe().with(x -> LOG.debug("listening for committed events"),
                failure -> LOG.warn("cannot LISTEN for events; delivery falls back to polling", failure));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close().await().atMost(Duration.ofSeconds(5));
        }
    }
}
