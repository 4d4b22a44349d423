package io.prmos.engine.hooks;

import io.prmos.engine.registry.PublishCheck;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.ManifestProblem;
import io.prmos.metadata.model.ActionDef;
import io.prmos.metadata.model.EntityDef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses to publish a manifest naming a hook that is not on this engine's classpath (the offline
 * CLI cannot know the classpath and does not check this). The problem points at the hook id.
 */
@ApplicationScoped
public class HookReferenceCheck implements PublishCheck {

    @Inject
    HookCatalog hooks;

    @Override
    public List<ManifestProblem> check(LoadedManifest module) {
        List<ManifestProblem> problems = new ArrayList<>();
        for (EntityDef entity : module.manifest().entities().values()) {
            String pointer = "/entities/" + entity.name();
            for (Map.Entry<String, List<String>> phase : entity.hooks().phases().entrySet()) {
                for (int i = 0; i < phase.getValue().size(); i++) {
                    String id = phase.getValue().get(i);
                    if (hooks.record(id).isEmpty()) {
                        problems.add(module.problemAtValue(pointer + "/hooks/" + phase.getKey() + "/" + i,
                                "hook '" + id + "' is not installed on this engine (no RecordHook with this id on its classpath)"));
                    }
                }
            }
            for (ActionDef action : entity.actions().values()) {
                if (hooks.action(action.hook()).isEmpty()) {
                    problems.add(module.problemAtValue(pointer + "/actions/" + action.name() + "/hook",
                            "action hook '" + action.hook() + "' is not installed on this engine (no ActionHook with this id on its classpath)"));
                }
            }
        }
        return problems;
    }
}
