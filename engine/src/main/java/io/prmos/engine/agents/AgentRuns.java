package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.api.ApiProblem;
import io.prmos.engine.api.Problem;
import io.prmos.engine.registry.CatalogHolder;
import io.prmos.engine.security.Caller;
import io.prmos.engine.security.Operation;
import io.prmos.engine.security.PermissionEvaluator;
import io.prmos.engine.store.kernel.RunRows;
import io.prmos.engine.tasks.RecordUrns;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.model.AgentDef;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Starting runs by hand and acting on them: a manual run acts as the calling user (their roles, their
 * tenant), attributed to the agent; it is refused with a 503 when the agent's model profile is not
 * configured. A run is visible to its principal and to tenant admins; cancel and approvals follow the
 * same rule, and approving a call also needs the tool in the approver's own tools (see docs/agents.md).
 */
@ApplicationScoped
public class AgentRuns {

    @Inject
    CatalogHolder catalogs;

    @Inject
    PermissionEvaluator evaluator;

    @Inject
    ModelProfiles profiles;

    @Inject
    RecordUrns urns;

    @Inject
    RunRows rows;

    @Inject
    RunJournal journal;

    @Inject
    RunWorkers workers;

    @Inject
    ToolExecutor tools;

    /** The agent {@code module.agent} of the caller's catalog, or 404. */
    AgentDef agent(Catalog catalog, String ref) {
        int dot = ref.indexOf('.');
        Optional<AgentDef> found = dot < 0 ? Optional.empty()
                : catalog.module(ref.substring(0, dot)).map(m -> m.manifest().agents().get(ref.substring(dot + 1)));
        return found.orElseThrow(() -> ApiProblem.notFound("no agent " + ref + "; agents are named module.agent"));
    }

    /** Whether {@code caller} may start the agent by hand: a manual trigger, and read access to its entity. */
    boolean mayRun(Caller caller, Catalog catalog, AgentDef agent) {
        return agent.manual().map(m -> m.entity().map(e -> entity(catalog, e)
                .map(d -> evaluator.decide(caller, catalog, d, Operation.READ).allowed()).orElse(false)).orElse(true)).orElse(false);
    }

    public Uni<ObjectNode> start(Caller caller, String ref, JsonNode body) {
        Catalog catalog = catalogs.forTenant(caller.tenant());
        AgentDef agent = agent(catalog, ref);
        if (agent.manual().isEmpty()) {
            throw new ApiProblem(409, "not-manual", "Not started by hand", "agent " + ref + " has no manual trigger", List.of());
        }
        if (!mayRun(caller, catalog, agent)) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "running " + ref + " needs read access to "
                    + agent.manual().get().entity().orElse("its entity"), List.of());
        }
        profiles.profile(agent.model(), caller.tenant());
        JsonNode b = body == null ? JsonNodeFactory.instance.objectNode() : body;
        String record = checked(b);
        Uni<Optional<ObjectNode>> read = record == null ? Uni.createFrom().item(Optional.empty()) : urns.read(caller, record);
        return read.flatMap(found -> {
            if (record != null && found.isEmpty()) {
                throw new ApiProblem(422, "validation", "Invalid request", "1 field(s) are invalid", List.of(
                        new Problem.Error("/record", null, "unknown-record", "no record " + record + " you can read")));
            }
            return store(caller, ref, agent, catalog, b, record, found.orElse(null));
        });
    }

    private static String checked(JsonNode b) {
        List<Problem.Error> errors = new ArrayList<>();
        if (!b.isObject()) {
            errors.add(new Problem.Error("/", null, "type", "the body is a JSON object {record, input, limits}"));
        }
        JsonNode record = b.path("record");
        if (!record.isMissingNode() && !record.isNull() && (!record.isTextual() || !record.asText().startsWith("urn:prm:"))) {
            errors.add(new Problem.Error("/record", null, "format", "record is a record URN (urn:prm:…)"));
        }
        JsonNode input = b.path("input");
        if (!input.isMissingNode() && !input.isNull() && !input.isObject() && !input.isTextual()) {
            errors.add(new Problem.Error("/input", null, "type", "input is a text or a JSON object"));
        }
        RunLimits.check(b.path("limits"), errors);
        b.fieldNames().forEachRemaining(n -> {
            if (!List.of("record", "input", "limits").contains(n)) {
                errors.add(new Problem.Error("/" + n, null, "unknown", "unknown member '" + n + "'; known: record, input, limits"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "validation", "Invalid request", errors.size() + " field(s) are invalid", errors);
        }
        return record.isTextual() ? record.asText() : null;
    }

    private Uni<ObjectNode> store(Caller caller, String ref, AgentDef agent, Catalog catalog, JsonNode body, String record,
                                  JsonNode seen) {
        UUID id = UUID.randomUUID();
        String module = ref.substring(0, ref.indexOf('.'));
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        input.set("record", record == null ? null : JsonNodeFactory.instance.textNode(record));
        input.set("input", body.path("input").isMissingNode() ? null : body.get("input"));
        input.set("limits", body.path("limits").isObject() ? body.get("limits") : JsonNodeFactory.instance.objectNode());
        String instructions = Instructions.render(agent.instructions(), new Instructions.Context(caller.tenant(), caller.tenant(),
                caller.user(), caller.userName(), ref, record, seen, null, input.get("input")))
                + agent.output().map(OutputCheck::instruction).orElse("");
        String version = catalog.module(module).map(m -> m.manifest().version().toString()).orElse("0");
        RunRows.NewRun run = new RunRows.NewRun(id, module, agent.name(), version, "manual", null, caller, false, input, instructions);
        return rows.insert(run).flatMap(x -> journal.appendAsync(caller, id, "status", RunLoop.status("queued", null)))
                .invoke(x -> workers.submit(caller, id)).flatMap(x -> visible(caller, id));
    }

    /** The run if the caller may see it (its principal, or an admin of its tenant), else 404. */
    public Uni<ObjectNode> visible(Caller caller, UUID id) {
        return rows.get(caller, id).map(found -> found.filter(r -> caller.isAdmin()
                || caller.user().equals(r.path("principal").asText())).orElseThrow(() -> ApiProblem.notFound("no run " + id)));
    }

    public Uni<ObjectNode> cancel(Caller caller, UUID id) {
        return visible(caller, id).flatMap(run -> rows.status(caller, id, "cancelled", "cancelled by " + caller.userName(), null,
                List.of("queued", "running", "waiting_for_approval")).flatMap(moved -> {
                    if (!moved) {
                        throw ended(run);
                    }
                    workers.cancelled(id);
                    return journal.appendAsync(caller, id, "status", RunLoop.status("cancelled", "cancelled by " + caller.userName()));
                })).flatMap(x -> visible(caller, id));
    }

    /** A person's decision on the call the run waits for; approval resumes the run with the call executed. */
    public Uni<ObjectNode> decide(Caller caller, UUID id, String callId, JsonNode body) {
        String decision = body == null ? null : body.path("decision").asText(null);
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw new ApiProblem(422, "validation", "Invalid request", "1 field(s) are invalid", List.of(
                    new Problem.Error("/decision", null, "enum", "decision is approve or reject")));
        }
        return visible(caller, id).flatMap(run -> {
            JsonNode pending = run.path("pending_call");
            if (!"waiting_for_approval".equals(run.path("status").asText()) || !callId.equals(pending.path("callId").asText())) {
                throw new ApiProblem(409, "not-waiting", "Not waiting for this call", "run " + id + " is " + run.path("status").asText()
                        + (pending.isObject() ? " (waiting for call " + pending.path("callId").asText() + ")" : ""), List.of());
            }
            if ("approve".equals(decision) && !tools.tools(caller).containsKey(pending.path("tool").asText())) {
                throw new ApiProblem(403, "forbidden", "Forbidden", "you may not use " + pending.path("tool").asText()
                        + " yourself, so you cannot approve it", List.of());
            }
            return resume(caller, id, callId, decision, body.path("comment").asText(""));
        });
    }

    private Uni<ObjectNode> resume(Caller caller, UUID id, String callId, String decision, String comment) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("callId", callId).put("decision", decision)
                .put("by", caller.user()).put("byName", caller.userName());
        if (!comment.isBlank()) {
            data.put("comment", comment.length() > 1000 ? comment.substring(0, 1000) : comment);
        }
        return rows.status(caller, id, "queued", null, null, List.of("waiting_for_approval")).flatMap(moved -> {
            if (!moved) {
                throw new ApiProblem(409, "not-waiting", "Not waiting for this call", "run " + id + " was decided meanwhile", List.of());
            }
            return journal.appendAsync(caller, id, "approval", data)
                    .flatMap(x -> journal.appendAsync(caller, id, "status", RunLoop.status("queued", null)));
        }).invoke(x -> workers.submit(caller, id)).flatMap(x -> visible(caller, id));
    }

    private static ApiProblem ended(ObjectNode run) {
        return new ApiProblem(409, "run-ended", "Run has ended", "run " + run.path("id").asText() + " is already "
                + run.path("status").asText(), List.of());
    }

    private static Optional<EntityDescriptor> entity(Catalog catalog, String qualified) {
        return catalog.modules().stream().flatMap(m -> m.entities().stream()).filter(e -> e.qualifiedName().equals(qualified)).findFirst();
    }
}
