package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.Caller;
import io.prmos.engine.store.kernel.RunRows;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.model.AgentDef;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Executes runs on this instance: a fixed pool of runner threads ({@code prm.agents.runners}; Java 17 has
 * no virtual threads, and a run blocks while the model answers), a heartbeat of the runs it holds, and —
 * at start and then periodically, on every instance — failing runs whose instance stopped beating
 * ({@link RunRows#failAbandoned}). Runs are not resumed after a crash: a step may have written records,
 * and repeating it is not safe (docs/adr/0122).
 */
@ApplicationScoped
public class RunWorkers {

    private static final Logger LOG = Logger.getLogger(RunWorkers.class);

    @Inject
    RunRows rows;

    @Inject
    RunJournal journal;

    @Inject
    ToolExecutor executor;

    @Inject
    ApprovalNotices notices;

    @Inject
    ModelProfiles profiles;

    @Inject
    CatalogHolder catalogs;

    @ConfigProperty(name = "prm.agents.runners", defaultValue = "4")
    int runners;

    @ConfigProperty(name = "prm.agents.heartbeat", defaultValue = "PT30S")
    Duration heartbeat;

    private final Map<UUID, AtomicBoolean> active = new ConcurrentHashMap<>();
    private ThreadPoolExecutor pool;
    private ScheduledExecutorService beats;

    void start(@Observes @Priority(4000) StartupEvent event) {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(runners, runners, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> daemon(r,
                "agent-run-" + n.incrementAndGet()));
        beats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "agent-run-heartbeat"));
        failAbandoned();
        beats.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (pool != null) {
            pool.shutdownNow();
            beats.shutdownNow();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Queues a stored run (status queued) for execution on this instance. */
    public void submit(Caller tenant, UUID id) {
        AtomicBoolean cancelled = active.computeIfAbsent(id, k -> new AtomicBoolean());
        pool.execute(() -> {
            try {
                execute(tenant, id, cancelled);
            } catch (RuntimeException e) {
                LOG.warnf(e, "agent run %s could not execute", id);
            } finally {
                active.remove(id);
            }
        });
    }

    /** Tells the run's thread, if this instance holds it, that it was cancelled. */
    public void cancelled(UUID id) {
        Optional.ofNullable(active.get(id)).ifPresent(flag -> flag.set(true));
    }

    private void execute(Caller tenant, UUID id, AtomicBoolean cancelled) {
        ObjectNode run = rows.get(tenant, id).await().atMost(RunJournal.WAIT).orElse(null);
        if (run == null || !"queued".equals(run.path("status").asText())) {
            return;
        }
        RunPlan plan;
        try {
            plan = plan(tenant, run, cancelled);
        } catch (ApiProblem p) {
            refuse(tenant, id, p.toProblem(null).detail());
            return;
        }
        String agent = run.path("module").asText() + "." + run.path("agent").asText();
        RunPlan ready = plan;
        new RunLoop(rows, journal, executor, ready, pending -> notices.waiting(ready, agent, pending)).run();
    }

    private void refuse(Caller tenant, UUID id, String reason) {
        if (rows.status(tenant, id, "failed", reason, null, List.of("queued")).await().atMost(RunJournal.WAIT)) {
            journal.append(tenant, id, "status", RunLoop.status("failed", reason));
        }
    }

    /** The plan of a stored run: its agent as the catalog declares it now, its principal, model and limits. */
    RunPlan plan(Caller tenant, ObjectNode run, AtomicBoolean cancelled) {
        Catalog catalog = catalogs.forTenant(tenant.tenant());
        String module = run.path("module").asText();
        AgentDef agent = catalog.module(module).map(m -> m.manifest().agents().get(run.path("agent").asText()))
                .orElseThrow(() -> new ApiProblem(404, "not-found", "Not found", "agent " + module + "." + run.path("agent").asText()
                        + " no longer exists", List.of()));
        var model = profiles.model(profiles.profile(agent.model(), tenant.tenant()));
        Set<String> roles = new HashSet<>();
        run.path("principal_roles").forEach(r -> roles.add(r.asText()));
        String name = run.path("principal_name").asText(run.path("principal").asText());
        UUID id = UUID.fromString(run.path("id").asText());
        // a run by hand is the user "via" the agent; an event or schedule run's principal is the agent itself
        String shown = run.path("acts_as_agent").asBoolean() ? name : name + " via " + module + "." + agent.name();
        Caller principal = new Caller(tenant.tenant(), run.path("principal").asText(), shown, roles, "agent-run:" + id);
        Map<String, Tool> tools = new LinkedHashMap<>();
        executor.catalog().forAgent(catalog, principal, agent).values().forEach(t -> tools.put(t.wireName(), t));
        RunPlan.Used used = new RunPlan.Used(run.path("steps").asInt(), run.path("tokens_in").asInt(), run.path("tokens_out").asInt(),
                run.path("elapsed_ms").asLong());
        return new RunPlan(id, tenant, principal, agent, model, tools, Conversation.specifications(tools.values()),
                RunLimits.effective(agent.limits(), run.path("input").path("limits")), run.path("instructions").asText(),
                run.path("input"), used, cancelled);
    }

    private void beat() {
        try {
            if (!active.isEmpty()) {
                rows.beat(List.copyOf(active.keySet())).await().atMost(RunJournal.WAIT);
            }
            failAbandoned();
        } catch (RuntimeException e) {
            LOG.warn("agent run heartbeat failed", e);
        }
    }

    private void failAbandoned() {
        String reason = "the engine instance executing the run stopped";
        int failed = rows.failAbandoned(reason, (int) Math.max(1, heartbeat.toSeconds() * 3), RunLoop.status("failed", reason))
                .await().atMost(RunJournal.WAIT);
        if (failed > 0) {
            LOG.infof("failed %d abandoned agent run(s)", failed);
        }
    }
}
