package io.prmos.engine.agents;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.store.kernel.RunRows;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.ModuleDescriptor;
import io.prmos.metadata.model.AgentDef;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Fires the agents' {@code schedule} triggers (Quartz cron, UTC). Every instance ticks (Quarkus
 * scheduler, {@code prm.agents.schedule.tick}) and looks for the schedule times since its last tick; a
 * time is fired by the one instance that claims it (row (agent, time) in
 * {@code prm_kernel.agent_schedule_fire}: the slot claim of ADR 0142 with the cron time as the slot).
 * The claiming instance starts one run per tenant, as the agent principal; the run's trigger key
 * {@code schedule:{time}} would absorb a second start anyway. Times before an instance started are not
 * caught up by it (a stopped cluster misses them).
 */
@ApplicationScoped
public class AgentSchedules {

    private static final Logger LOG = Logger.getLogger(AgentSchedules.class);
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final int MAX_TIMES_PER_TICK = 100;
    static final String INSTANCE = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);

    /** One due schedule time of an agent. */
    record Due(String module, AgentDef agent, Instant time) {
        String ref() {
            return module + "." + agent.name();
        }
    }

    @Inject
    CatalogHolder catalogs;

    @Inject
    RunRows rows;

    @Inject
    TriggeredRuns runs;

    private volatile Instant since = Instant.now();

    @Scheduled(every = "${prm.agents.schedule.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        Instant now = Instant.now();
        Instant from = since;
        since = now;
        return fire(from, now, INSTANCE).onFailure().invoke(f -> LOG.warn("agent schedules failed", f))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Fires the schedule times in ({@code from}, {@code to}] that {@code instance} claims; answers how many runs it started. */
    public Uni<Integer> fire(Instant from, Instant to, String instance) {
        List<Due> due = due(catalogs.current(), from, to);
        if (due.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        AtomicInteger started = new AtomicInteger();
        return rows.tenants().flatMap(tenants -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Due d : due) {
                chain = chain.flatMap(x -> rows.claimFire(d.ref(), d.time().atOffset(ZoneOffset.UTC), instance))
                        .flatMap(claimed -> claimed ? startAll(d, tenants, started) : Uni.createFrom().voidItem());
            }
            return chain;
        }).map(x -> started.get());
    }

    private Uni<Void> startAll(Due d, List<String> tenants, AtomicInteger started) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String tenant : tenants) {
            var input = JsonNodeFactory.instance.objectNode().put("schedule", d.time().toString());
            chain = chain.flatMap(x -> runs.start(catalogs.forTenant(tenant), tenant, d.module(), d.agent(), "schedule",
                    "schedule:" + d.time(), null, input).invoke(s -> {
                        if (s) {
                            started.incrementAndGet();
                        }
                    }).onFailure().recoverWithItem(f -> {
                        LOG.errorf(f, "agent %s could not start in tenant %s for %s", d.ref(), tenant, d.time());
                        return false;
                    }).replaceWithVoid());
        }
        return chain;
    }

    static List<Due> due(Catalog catalog, Instant from, Instant to) {
        List<Due> out = new ArrayList<>();
        for (ModuleDescriptor module : catalog.modules()) {
            for (AgentDef agent : module.manifest().agents().values()) {
                for (AgentDef.Trigger t : agent.triggers()) {
                    if (t instanceof AgentDef.Schedule s) {
                        times(s.cron(), from, to).forEach(time -> out.add(new Due(module.name(), agent, time)));
                    }
                }
            }
        }
        return out;
    }

    private static List<Instant> times(String cron, Instant from, Instant to) {
        ExecutionTime execution = ExecutionTime.forCron(CRON.parse(cron));
        List<Instant> out = new ArrayList<>();
        ZonedDateTime at = from.atZone(ZoneOffset.UTC);
        while (out.size() < MAX_TIMES_PER_TICK) {
            var next = execution.nextExecution(at);
            if (next.isEmpty() || next.get().toInstant().isAfter(to)) {
                break;
            }
            out.add(next.get().toInstant());
            at = next.get();
        }
        return out;
    }
}
