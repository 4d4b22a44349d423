package io.prmos.metadata.check;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.AgentDef;
import io.prmos.metadata.model.PlatformRoles;
import io.prmos.metadata.model.ToolNames;
import io.prmos.metadata.rules.EventEnvironment;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code agents}: names, tools that the module set yields ({@link ToolNames}), approvals only on
 * listed write tools, triggers that name existing entities and events, CEL conditions, cron
 * expressions Quarkus's scheduler accepts, an output that is a JSON Schema of an object, roles that
 * some module declares (event and schedule runs need them), and prompt variables the engine knows.
 * Tools and events of modules outside the set are not checked ({@link #outsideTheSet}).
 */
final class AgentRules {

    static final Pattern AGENT_NAME = Pattern.compile("^[a-z][a-z0-9-]{0,62}$");
    /** Variables an instructions template may use; docs/agents.md lists them. */
    static final Set<String> VARIABLES = Set.of("tenant.id", "tenant.name", "user.id", "user.name", "agent.name",
            "record", "record.urn", "event", "event.type", "input", "today");
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z][a-z._]*)}");
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private AgentRules() {
    }

    static void check(ModuleContext context) {
        Map<String, AgentDef> agents = context.manifest().agents();
        if (agents.isEmpty()) {
            return;
        }
        Map<String, io.prmos.metadata.model.Manifest> set = new LinkedHashMap<>();
        context.moduleSet().forEach((name, loaded) -> set.put(name, loaded.manifest()));
        set.put(context.manifest().module(), context.manifest());
        Set<String> tools = new HashSet<>(ToolNames.ofModules(set));
        Set<String> visible = PermissionRules.requiredClosure(context);
        agents.values().forEach(agent -> {
            agent(context, agent, tools);
            jobs(context, agent, visible);
        });
    }

    /** Job types the agent may enqueue: well-formed, of this module or one it requires, and only with the enqueue tool. */
    private static void jobs(ModuleContext context, AgentDef agent, Set<String> visible) {
        String at = Pointer.append(Pointer.of("agents", agent.name()), "jobs");
        for (int i = 0; i < agent.jobs().size(); i++) {
            AutomationRules.jobType(context, Pointer.append(at, i), agent.jobs().get(i), visible);
        }
        boolean tool = agent.tools().contains(ToolNames.ENQUEUE_JOB);
        if (tool && agent.jobs().isEmpty()) {
            context.atValue(Pointer.append(Pointer.append(Pointer.of("agents", agent.name()), "tools"), agent.tools().indexOf(ToolNames.ENQUEUE_JOB)),
                    ToolNames.ENQUEUE_JOB + " needs the job types the agent may enqueue, under jobs");
        } else if (!tool && !agent.jobs().isEmpty()) {
            context.atValue(at, "jobs are enqueued with the tool " + ToolNames.ENQUEUE_JOB + ", which is not among the agent's tools");
        }
    }

    private static void agent(ModuleContext context, AgentDef agent, Set<String> known) {
        String at = Pointer.of("agents", agent.name());
        if (!AGENT_NAME.matcher(agent.name()).matches()) {
            context.atKey(at, "agent name '" + agent.name() + "' must be lowercase letters, digits and dashes, starting with a letter");
        }
        list(context, Pointer.append(at, "tools"), agent.tools(), tool -> known.contains(tool) || outsideTheSet(context, tool) ? null
                : "unknown tool '" + tool + "': no module of the set yields it (tools are module.Entity.search|get|create|update, "
                + "module.Entity.transition.name, module.Entity.action.name or " + String.join(", ", ToolNames.KERNEL) + ")");
        list(context, Pointer.append(at, "approval"), agent.approval(), tool -> !agent.tools().contains(tool)
                ? "approval names '" + tool + "', which is not among the agent's tools"
                : ToolNames.effect(tool) == ToolNames.Effect.READ ? "'" + tool + "' only reads; approval is for tools that write" : null);
        list(context, Pointer.append(at, "roles"), agent.roles(), role -> PlatformRoles.isPlatformRole(role)
                ? "an agent cannot act as the platform role '" + role + "'"
                : context.moduleSet().values().stream().anyMatch(m -> m.manifest().roles().containsKey(role))
                        || context.manifest().roles().containsKey(role) ? null : "role '" + role + "' is not declared by any module");
        for (int i = 0; i < agent.triggers().size(); i++) {
            trigger(context, agent, Pointer.append(Pointer.append(at, "triggers"), i), agent.triggers().get(i));
        }
        agent.output().ifPresent(schema -> {
            var errors = EventRules.META_SCHEMA.validate(schema);
            if (!errors.isEmpty()) {
                context.atValue(Pointer.append(at, "output"), "output of agent '" + agent.name() + "' is not a valid JSON Schema: "
                        + errors.get(0).getMessage());
            } else if (!"object".equals(schema.path("type").asText())) {
                context.atValue(Pointer.append(at, "output"), "output of agent '" + agent.name() + "' must have type: object");
            }
        });
        Matcher m = VARIABLE.matcher(agent.instructions());
        while (m.find()) {
            if (!VARIABLES.contains(m.group(1))) {
                context.atValue(Pointer.append(at, "instructions"), "unknown variable {" + m.group(1) + "}; known: "
                        + VARIABLES.stream().sorted().toList());
                break;
            }
        }
    }

    private static void trigger(ModuleContext context, AgentDef agent, String at, AgentDef.Trigger trigger) {
        if (trigger instanceof AgentDef.Manual manual) {
            manual.entity().ifPresent(e -> entity(context, Pointer.append(Pointer.append(at, "manual"), "entity"), e));
            return;
        }
        if (agent.roles().isEmpty()) {
            context.atValue(at, "an event or schedule trigger runs as the agent principal: declare its roles");
        }
        if (trigger instanceof AgentDef.OnEvent event) {
            if (!BehaviourRules.QUALIFIED_ID.matcher(event.on()).matches()) {
                context.atValue(Pointer.append(Pointer.append(at, "event"), "on"), "'" + event.on() + "' is not an event name like module.EventName");
            } else if (!outsideTheSet(context, event.on())) {
                EventRules.checkSubscribed(context, event.on(), Pointer.append(Pointer.append(at, "event"), "on"));
            }
            event.when().ifPresent(w -> {
                String problem = EventEnvironment.problem(w, true);
                if (problem != null) {
                    context.atValue(Pointer.append(Pointer.append(at, "event"), "when"), "expression does not type-check: " + problem);
                }
            });
        } else if (trigger instanceof AgentDef.Schedule schedule) {
            try {
                CRON.parse(schedule.cron()).validate();
            } catch (IllegalArgumentException e) {
                context.atValue(Pointer.append(Pointer.append(at, "schedule"), "cron"), "'" + schedule.cron()
                        + "' is not a cron expression (sec min hour day-of-month month day-of-week [year]): " + e.getMessage());
            }
        }
    }

    /**
     * Whether a tool or event names a module that is not in the set: an agent may use modules that do
     * not require it (partners' analyst reads deals, and deals requires partners), so such names are
     * checked once that module is installed; until then the engine simply offers no such tool.
     */
    private static boolean outsideTheSet(ModuleContext context, String qualified) {
        int dot = qualified.indexOf('.');
        String module = dot < 0 ? "" : qualified.substring(0, dot);
        return dot > 0 && !module.equals("kernel") && !module.equals(context.manifest().module())
                && !context.moduleSet().containsKey(module);
    }

    private static void entity(ModuleContext context, String pointer, String qualified) {
        int dot = qualified.indexOf('.');
        LoadedManifest module = dot < 0 ? null : qualified.substring(0, dot).equals(context.manifest().module())
                ? context.loaded() : context.moduleSet().get(qualified.substring(0, dot));
        if (module == null || !module.manifest().entities().containsKey(qualified.substring(dot + 1))) {
            context.atValue(pointer, "'" + qualified + "' names no entity (module.Entity) of the module set");
        }
    }

    private static void list(ModuleContext context, String pointer, List<String> items,
                             java.util.function.Function<String, String> problem) {
        for (int i = 0; i < items.size(); i++) {
            String message = problem.apply(items.get(i));
            if (message != null) {
                context.atValue(Pointer.append(pointer, i), message);
            }
        }
    }
}
