package io.prmos.engine.app;

import io.prmos.engine.store.TenantTransactions;
import io.prmos.engine.store.kernel.KernelFeatureGrants;
import io.prmos.engine.store.kernel.NotificationRows;
import io.prmos.engine.store.kernel.RunRows;
import io.prmos.engine.store.kernel.TaskRows;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The row stores of notifications, tasks and agent runs, and the data role's grants on their tables. */
@ApplicationScoped
public class KernelFeatureProducers {

    @ConfigProperty(name = "quarkus.datasource.app.username")
    String dataRole;

    /** After ModuleBootstrap (default priority) has created the data role; before the event relay (5000). */
    void grant(@Observes @Priority(3000) StartupEvent event, Pool owner) {
        owner.withTransaction(c -> KernelFeatureGrants.ensure(c, dataRole)).await().atMost(Duration.ofMinutes(1));
    }

    @Produces
    @ApplicationScoped
    NotificationRows notificationRows(TenantTransactions transactions) {
        return new NotificationRows(transactions);
    }

    @Produces
    @ApplicationScoped
    TaskRows taskRows(TenantTransactions transactions) {
        return new TaskRows(transactions);
    }

    @Produces
    @ApplicationScoped
    RunRows runRows(TenantTransactions transactions, Pool owner) {
        return new RunRows(transactions, owner);
    }
}
