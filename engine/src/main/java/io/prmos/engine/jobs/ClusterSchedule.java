package io.prmos.engine.jobs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Makes a periodic task run once per period across all engine instances: each instance's scheduler
 * fires, and only the instance that claims the period's slot ({@code prm_kernel.schedule_run}, primary
 * key (name, slot)) runs the task. Claims older than a day are cleared as new ones are made.
 */
@ApplicationScoped
public class ClusterSchedule {

    private static final Logger LOG = Logger.getLogger(ClusterSchedule.class);
    private static final String CLAIM = "INSERT INTO prm_kernel.schedule_run (name, slot, instance) VALUES ($1, $2, $3)"
            + " ON CONFLICT (name, slot) DO NOTHING";
    private static final String FORGET = "DELETE FROM prm_kernel.schedule_run WHERE name = $1 AND claimed_at < now() - interval '1 day'";

    /** This process, as it appears in the claims (for operators reading the table). */
    static final String INSTANCE = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    Pool owner;

    /** Runs {@code task} if this instance is the first to claim the current {@code period} of {@code name}; else answers null. */
    public <T> Uni<T> once(String name, Duration period, Supplier<Uni<T>> task) {
        long slot = System.currentTimeMillis() / Math.max(1, period.toMillis());
        return owner.preparedQuery(CLAIM).execute(Tuple.of(name, slot, INSTANCE)).flatMap(rows -> {
            if (rows.rowCount() == 0) {
                LOG.debugf("schedule %s slot %d runs on another instance", name, slot);
                return Uni.createFrom().nullItem();
            }
            return owner.preparedQuery(FORGET).execute(Tuple.of(name)).flatMap(x -> task.get());
        });
    }
}
