package io.prmos.engine.audit;

import io.prmos.engine.query.Urn;

import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.schema.DataRole;
import io.prmos.engine.schema.KernelGrants;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.RecycleBin;
import io.prmos.engine.store.StoreExceptions;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Empties the recycle bin of records deleted longer ago than their retention period
 * ({@code features.softDelete.retention}, else {@code prm.recycle-bin.retention}, default 30d),
 * every {@code prm.recycle-bin.purge-every} (default 1h). Expired records are found with the
 * owner's connection across tenants and purged one by one as the data role in their tenant, by the
 * same code as an admin's purge: a record still referenced stays and is logged, and the next run
 * tries again. Also grants the data role its rights on the kernel's activity log at start.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);
    /** Records purged per entity and run, so one run stays short. */
    static final int BATCH = 500;

    @Inject
    Pool owner;

    @Inject
    CatalogHolder catalogs;

    @Inject
    RecycleBin bin;

    @Inject
    ActivityLog activity;

    @Inject
    io.prmos.engine.jobs.ClusterSchedule schedule;

    @ConfigProperty(name = "prm.recycle-bin.purge-every", defaultValue = "1h")
    Duration purgeEvery;

    @ConfigProperty(name = "prm.recycle-bin.retention", defaultValue = "30d")
    String defaultRetention;

    @ConfigProperty(name = "quarkus.datasource.app.username")
    String dataRole;

    @ConfigProperty(name = "quarkus.datasource.app.password")
    String dataRolePassword;

    /** After ModuleBootstrap (which creates the data role); idempotent grants on the kernel's activity log. */
    void grant(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        owner.withTransaction(c -> DataRole.ensure(c, dataRole, dataRolePassword).flatMap(x -> KernelGrants.ensure(c, dataRole)))
                .await().atMost(Duration.ofMinutes(1));
    }

    @Scheduled(every = "${prm.recycle-bin.purge-every:1h}", delayed = "${prm.recycle-bin.purge-delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        // every instance fires; one per period purges (docs/deployment.md)
        return schedule.once("recycle-bin-purge", purgeEvery, this::purgeExpired).onFailure().invoke(f -> LOG.warn("Recycle-bin retention run failed", f))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One run over every entity with soft delete; returns how many records were purged. */
    public Uni<Integer> purgeExpired() {
        Catalog catalog = catalogs.current();
        Duration fallback = io.prmos.metadata.model.EntityFeatures.parseRetention(defaultRetention)
                .orElseThrow(() -> new IllegalStateException("prm.recycle-bin.retention must look like 30d, 12h or 90m"));
        return Multi.createFrom().iterable(catalog.entities())
                .filter(e -> e.features().softDelete())
                .onItem().transformToUniAndConcatenate(e -> purgeEntity(catalog, e, e.features().retention().orElse(fallback)))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> purgeEntity(Catalog catalog, EntityDescriptor entity, Duration retention) {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        return bin.expired(owner, entity, cutoff, BATCH)
                .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(expired -> purgeOne(catalog, entity, expired))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    private Uni<Integer> purgeOne(Catalog catalog, EntityDescriptor entity, RecycleBin.Expired expired) {
        Caller system = new Caller(expired.tenant(), "system", "retention", Set.of(Caller.ADMIN_ROLE));
        return bin.purge(system, catalog, entity, expired.id())
                .flatMap(x -> activity.record(null, system, ActivityLog.PURGED,
                        new Urn(entity.module(), entity.path(), expired.id()).toString(), "Purged " + entity.label() + " after its retention period"))
                .replaceWith(1)
                .onFailure(StoreExceptions.StillReferenced.class).recoverWithUni(f -> {
                    LOG.infof("Retention: kept %s %s in the recycle bin: %s", entity.qualifiedName(), expired.id(), f.getMessage());
                    return Uni.createFrom().item(0);
                })
                .onFailure(StoreExceptions.RecordNotFound.class).recoverWithItem(0);
    }
}
