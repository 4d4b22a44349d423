package io.prmos.engine.registry;

import io.prmos.engine.schema.RegistryRows;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Keeps this instance's catalog in step with publishes made by other instances on the same
 * database: it LISTENs on {@link RegistryRows#CHANNEL} (notifications are sent by the publishing
 * transaction, so only committed publishes arrive) and reloads the active modules when the
 * announced catalog differs from its own. The subscriber reconnects by itself after a drop.
 */
@ApplicationScoped
public class CatalogChangeListener {

    private static final Logger LOG = Logger.getLogger(CatalogChangeListener.class);

    @Inject
    Vertx vertx;

    @Inject
    CatalogHolder holder;

    @Inject
    ModulePublisher publisher;

    private PgSubscriber subscriber;

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 500) StartupEvent event) {
        var config = ConfigProvider.getConfig();
        PgConnectOptions options = PgConnectOptions.fromUri(config.getValue("quarkus.datasource.reactive.url", String.class))
                .setUser(config.getValue("quarkus.datasource.username", String.class))
                .setPassword(config.getValue("quarkus.datasource.password", String.class));
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> retries < 1000 ? 1000L : -1L);
        subscriber.channel(RegistryRows.CHANNEL).handler(this::onChange);
        subscriber.connect().subscribe().with(
                ok -> LOG.debugf("Listening for module changes on %s", RegistryRows.CHANNEL),
                failure -> LOG.warnf("Cannot listen for module changes published by other instances: %s", failure.getMessage()));
    }

    private void onChange(String fingerprint) {
        // This instance's own publish arrives here before it has activated it: nothing to reload.
        if (fingerprint.equals(holder.current().fingerprint()) || publisher.announcedHere(fingerprint)) {
            return;
        }
        publisher.reload().subscribe().with(
                catalog -> LOG.infof("Activated modules published by another instance (catalog %s)", catalog.fingerprint()),
                failure -> LOG.errorf(failure, "Could not activate modules published by another instance"));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}
