package io.prmos.engine.overlay;

import io.prmos.engine.schema.OverlayRows;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Loads every tenant's overlay at start and keeps it current: an overlay change commits with a
 * NOTIFY on {@link OverlayRows#CHANNEL} carrying the tenant, and every instance (the one that made
 * the change reloads at once as well) re-reads that tenant's overlay.
 */
@ApplicationScoped
public class OverlayChangeListener {

    private static final Logger LOG = Logger.getLogger(OverlayChangeListener.class);

    @Inject
    Vertx vertx;

    @Inject
    TenantCatalogs tenants;

    private PgSubscriber subscriber;

    void onStart(@Observes StartupEvent event) {
        tenants.loadAll().await().atMost(Duration.ofSeconds(60));
        var config = ConfigProvider.getConfig();
        PgConnectOptions options = PgConnectOptions.fromUri(config.getValue("quarkus.datasource.reactive.url", String.class))
                .setUser(config.getValue("quarkus.datasource.username", String.class))
                .setPassword(config.getValue("quarkus.datasource.password", String.class));
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> retries < 1000 ? 1000L : -1L);
        subscriber.channel(OverlayRows.CHANNEL).handler(tenant -> tenants.reload(tenant).subscribe().with(
                ok -> LOG.debugf("Reloaded the overlay of tenant %s", tenant),
                failure -> LOG.errorf(failure, "Could not reload the overlay of tenant %s", tenant)));
        subscriber.connect().subscribe().with(
                ok -> LOG.debugf("Listening for overlay changes on %s", OverlayRows.CHANNEL),
                failure -> LOG.warnf("Cannot listen for overlay changes made by other instances: %s", failure.getMessage()));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }
}
