package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.hooks.ActionRunner;
import io.prmos.engine.notifications.Notifications;
import io.prmos.engine.query.QueryException;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.RecordReader;
import io.prmos.engine.store.RecordWriter;
import io.prmos.engine.store.StoreExceptions;
import io.prmos.engine.tasks.RecordUrns;
import io.prmos.engine.tasks.Tasks;
import io.prmos.engine.validation.RecordValidator;
import io.prmos.engine.validation.ValidationException;
import io.prmos.engine.workflow.Transitions;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.model.ToolNames;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Executes a tool call under a principal, for agent runs and MCP clients alike. The tool is looked up in
 * the principal's own catalog ({@link ToolCatalog}), so a tool they may not use does not exist for them;
 * entity tools then run through {@link EntityToolCalls}. Every failure a caller can cause becomes a
 * tool error — {@code {error: {status, title, detail, errors}}}, the API's problem+json — that the
 * model (or MCP client) sees; nothing it causes is thrown past here.
 */
@ApplicationScoped
public class ToolExecutor {

    private static final Logger LOG = Logger.getLogger(ToolExecutor.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A call's result: {@code ok} false when {@code content} is an error. */
    public record Outcome(boolean ok, ObjectNode content) {
    }

    @Inject
    CatalogHolder catalogs;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    RecordReader reader;

    @Inject
    RecordWriter writer;

    @Inject
    RecordValidator validator;

    @Inject
    Transitions transitions;

    @Inject
    ActionRunner actions;

    @Inject
    Tasks tasks;

    @Inject
    Notifications notifications;

    @Inject
    RecordUrns urns;

    @Inject
    KernelSearch search;

    @Inject
    AgentJobs jobs;

    private ToolCatalog catalog;
    private EntityToolCalls entityCalls;

    @PostConstruct
    void init() {
        catalog = new ToolCatalog(evaluator);
        entityCalls = new EntityToolCalls(evaluator, reader, writer, validator, transitions, actions);
    }

    public ToolCatalog catalog() {
        return catalog;
    }

    /** The tools {@code caller} may use now, in their tenant's catalog. */
    public Map<String, Tool> tools(Caller caller) {
        return catalog.forCaller(catalogs.forTenant(caller.tenant()), caller);
    }

    /** Calls the tool named {@code name} (its name or wire name) with {@code args} as {@code caller}. */
    public Uni<Outcome> call(Caller caller, String name, JsonNode args) {
        return call(caller, name, args, List.of());
    }

    /**
     * As {@link #call(Caller, String, JsonNode)} for an agent run, which may also enqueue jobs of the
     * types its agent declares ({@code jobTypes}), whatever the principal's roles.
     */
    public Uni<Outcome> call(Caller caller, String name, JsonNode args, List<String> jobTypes) {
        Catalog current = catalogs.forTenant(caller.tenant());
        Map<String, Tool> tools = catalog.forCaller(current, caller);
        if (!jobTypes.isEmpty()) {
            tools.put(ToolNames.ENQUEUE_JOB, KernelTools.enqueueJob(jobTypes));
        }
        Tool tool = tools.get(name);
        if (tool == null) {
            tool = tools.values().stream().filter(t -> t.wireName().equals(name)).findFirst().orElse(null);
        }
        if (tool == null) {
            return Uni.createFrom().item(error(404, "Unknown tool", "no tool '" + name + "' is available to you", null));
        }
        JsonNode arguments = args == null || args.isNull() ? JsonNodeFactory.instance.objectNode() : args;
        if (!arguments.isObject()) {
            return Uni.createFrom().item(error(400, "Invalid arguments", "tool arguments must be a JSON object", null));
        }
        Tool chosen = tool;
        try {
            Uni<ObjectNode> result = chosen.entity() != null ? entityCalls.call(caller, current, chosen, arguments)
                    : kernel(caller, current, chosen, arguments, jobTypes);
            return result.map(r -> new Outcome(true, r)).onFailure().recoverWithItem(ToolExecutor::failure);
        } catch (RuntimeException e) {
            return Uni.createFrom().item(failure(e));
        }
    }

    private Uni<ObjectNode> kernel(Caller caller, Catalog current, Tool tool, JsonNode args, List<String> jobTypes) {
        return switch (tool.name()) {
            case ToolNames.ENQUEUE_JOB -> jobs.enqueue(caller, args, jobTypes);
            case ToolNames.CREATE_TASK -> tasks.create(caller, args);
            case ToolNames.NOTIFY -> notifications.send(caller, text(args, "recipient"), text(args, "title"), text(args, "body"),
                    text(args, "link"));
            case ToolNames.RESOLVE -> resolve(caller, args);
            default -> search.search(caller, current, text(args, "q"), args.path("limit").asInt(5));
        };
    }

    private Uni<ObjectNode> resolve(Caller caller, JsonNode args) {
        JsonNode list = args.path("urns");
        if (!list.isArray() || list.size() > 50) {
            throw new ApiProblem(422, "validation", "Invalid arguments", "urns must be a list of at most 50 URNs", java.util.List.of());
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode records = out.putObject("records");
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (JsonNode urn : list) {
            String text = urn.asText();
            chain = chain.flatMap(x -> urns.read(caller, text).invoke(found -> records.set(text, found
                    .<JsonNode>map(r -> r).orElse(JsonNodeFactory.instance.objectNode().put("found", false)))).replaceWithVoid());
        }
        return chain.map(x -> out);
    }

    static Outcome failure(Throwable f) {
        if (f instanceof ApiProblem p) {
            var problem = p.toProblem(null);
            return error(problem.status(), problem.title(), problem.detail(), JSON.valueToTree(problem.errors()));
        }
        if (f instanceof ValidationException v) {
            ArrayNode errors = JsonNodeFactory.instance.arrayNode();
            v.violations().forEach(x -> errors.addObject().put("pointer", x.pointer()).put("code", x.code()).put("message", x.message()));
            return error(422, "Invalid record", errors.size() + " field(s) are invalid", errors);
        }
        if (f instanceof QueryException q) {
            return error(400, "Invalid query", q.getMessage(), null);
        }
        if (f instanceof StoreExceptions.RecordNotFound) {
            return error(404, "Not found", f.getMessage(), null);
        }
        if (f instanceof StoreExceptions.NotPermitted) {
            return error(403, "Forbidden", f.getMessage(), null);
        }
        if (f instanceof StoreExceptions.UniqueConflict || f instanceof StoreExceptions.StaleVersion) {
            return error(409, "Conflict", f.getMessage(), null);
        }
        if (f instanceof RuntimeException r && r.getClass().getName().startsWith("io.prmos.engine.")) {
            // rule, hook and workflow refusals are reported with their own message, as the API does
            return error(422, "Refused", r.getMessage(), null);
        }
        LOG.warnf(f, "tool call failed unexpectedly");
        return error(500, "Tool failed", "the tool failed; the failure is logged", null);
    }

    static Outcome error(int status, String title, String detail, JsonNode errors) {
        ObjectNode error = JsonNodeFactory.instance.objectNode().put("status", status).put("title", title).put("detail", detail);
        if (errors != null && !errors.isEmpty()) {
            error.set("errors", errors);
        }
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.set("error", error);
        return new Outcome(false, content);
    }

    private static String text(JsonNode args, String name) {
        JsonNode v = args.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
