package io.prmos.engine.hooks;

import io.prmos.hooks.ActionHook;
import io.prmos.hooks.Hook;
import io.prmos.hooks.RecordHook;
import io.quarkus.arc.All;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The hooks on the engine's classpath, by id: CDI beans (engine code, tests) and ServiceLoader
 * providers ({@code META-INF/services/io.prmos.hooks.RecordHook} or {@code ...ActionHook} in module
 * jars such as {@code modules/deals/hooks}). Two hooks with one id are a deployment error.
 */
@ApplicationScoped
public class HookCatalog {

    private static final Logger LOG = Logger.getLogger(HookCatalog.class);

    @Inject
    @All
    List<RecordHook> recordBeans;

    @Inject
    @All
    List<ActionHook> actionBeans;

    private final Map<String, RecordHook> records = new LinkedHashMap<>();
    private final Map<String, ActionHook> actions = new LinkedHashMap<>();

    /**
     * Module hook jars outside the engine's classpath ({@code prm.hooks.jars}, a comma-separated list of
     * jar files or folders of jars): a module team ships its hooks without rebuilding the engine.
     */
    @ConfigProperty(name = "prm.hooks.jars")
    Optional<List<String>> extraJars;

    @PostConstruct
    void collect() {
        ClassLoader loader = HookJars.loader(Thread.currentThread().getContextClassLoader(), extraJars.orElse(List.of()));
        recordBeans.forEach(h -> add(records, h));
        ServiceLoader.load(RecordHook.class, loader).forEach(h -> add(records, h));
        actionBeans.forEach(h -> add(actions, h));
        ServiceLoader.load(ActionHook.class, loader).forEach(h -> add(actions, h));
        LOG.infof("Hooks on the classpath: %s, actions: %s", records.keySet(), actions.keySet());
    }

    private static <H extends Hook> void add(Map<String, H> byId, H hook) {
        H previous = byId.putIfAbsent(hook.id(), hook);
        if (previous != null && previous.getClass() != hook.getClass()) {
            throw new IllegalStateException("two hooks have the id " + hook.id() + ": " + previous.getClass().getName()
                    + " and " + hook.getClass().getName());
        }
    }

    public Optional<RecordHook> record(String id) {
        return Optional.ofNullable(records.get(id));
    }

    public Optional<ActionHook> action(String id) {
        return Optional.ofNullable(actions.get(id));
    }
}
