package io.prmos.metadata.check;

import io.prmos.metadata.model.Automation;
import io.prmos.metadata.rules.EventEnvironment;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Automations: unique names, event names like {@code module.Event}, expressions that compile in the
 * event environment (conditions boolean), target entities {@code module.Entity} of this module or a
 * module it requires, job types {@code module.name} of those modules, and http(s) webhook URLs (the
 * schema checks the scheme).
 */
final class AutomationRules {

    /** The job queue's type syntax (engine JobRequests.TYPE). */
    static final Pattern JOB_TYPE = Pattern.compile("^[a-z][a-z0-9_]{0,62}(\\.[a-zA-Z][a-zA-Z0-9_-]{0,62}){1,3}$");

    private AutomationRules() {
    }

    static void check(ModuleContext context) {
        List<Automation> automations = context.manifest().automations();
        Set<String> names = new HashSet<>();
        Set<String> visible = PermissionRules.requiredClosure(context);
        for (int i = 0; i < automations.size(); i++) {
            Automation a = automations.get(i);
            String pointer = "/automations/" + i;
            NameRules.identifier(a.name(), "automation name").ifPresent(m -> context.atValue(pointer + "/name", m));
            if (!names.add(a.name())) {
                context.atValue(pointer + "/name", "automation '" + a.name() + "' is declared twice");
            }
            if (!BehaviourRules.QUALIFIED_ID.matcher(a.on()).matches()) {
                context.atValue(pointer + "/on", "'" + a.on() + "' is not an event name like module.EventName");
            }
            a.when().ifPresent(w -> expression(context, pointer + "/when", w, true));
            for (int j = 0; j < a.steps().size(); j++) {
                step(context, pointer + "/do/" + j, a.steps().get(j), visible);
            }
        }
    }

    private static void step(ModuleContext context, String pointer, Automation.Step step, Set<String> visible) {
        if (step instanceof Automation.CreateRecord create) {
            entity(context, pointer + "/create/entity", create.entity(), visible);
            values(context, pointer + "/create/values", create.values());
        } else if (step instanceof Automation.UpdateRecord update) {
            entity(context, pointer + "/update/entity", update.entity(), visible);
            expression(context, pointer + "/update/id", update.id(), false);
            values(context, pointer + "/update/values", update.values());
        } else if (step instanceof Automation.Emit emit) {
            if (!BehaviourRules.QUALIFIED_ID.matcher(emit.event()).matches()) {
                context.atValue(pointer + "/emit/event", "'" + emit.event() + "' is not an event name like module.EventName");
            }
            values(context, pointer + "/emit/payload", emit.payload());
        } else if (step instanceof Automation.EnqueueJob job) {
            jobType(context, pointer + "/job/type", job.type(), visible);
            values(context, pointer + "/job/payload", job.payload());
            job.idempotencyKey().ifPresent(k -> expression(context, pointer + "/job/idempotencyKey", k, false));
        }
    }

    /** A job type as the queue accepts it ({@code module.name}), of this module or a module it requires. */
    static void jobType(ModuleContext context, String pointer, String type, Set<String> visible) {
        if (!JOB_TYPE.matcher(type).matches()) {
            context.atValue(pointer, "'" + type + "' is not a job type like module.name (e.g. deals.score)");
        } else if (!visible.contains(type.substring(0, type.indexOf('.')))) {
            context.atValue(pointer, "job type '" + type + "' must start with this module or a module it requires");
        }
    }

    private static void entity(ModuleContext context, String pointer, String entity, Set<String> visible) {
        int dot = entity.indexOf('.');
        String module = dot < 0 ? "" : entity.substring(0, dot);
        if (dot < 0 || !visible.contains(module)) {
            context.atValue(pointer, "'" + entity + "' must name an entity as module.Entity of this module or a module it requires");
            return;
        }
        var loaded = module.equals(context.manifest().module()) ? context.loaded() : context.moduleSet().get(module);
        if (loaded != null && !loaded.manifest().entities().containsKey(entity.substring(dot + 1))) {
            context.atValue(pointer, "entity '" + entity.substring(dot + 1) + "' is not declared in module '" + module + "'");
        }
    }

    private static void values(ModuleContext context, String pointer, Map<String, String> values) {
        values.forEach((key, expression) -> expression(context, pointer + "/" + key, expression, false));
    }

    private static void expression(ModuleContext context, String pointer, String expression, boolean condition) {
        String problem = EventEnvironment.problem(expression, condition);
        if (problem != null) {
            context.atValue(pointer, "expression does not type-check: " + problem);
        }
    }
}
