package io.prmos.engine.openapi;

import static io.prmos.engine.openapi.DocParts.array;
import static io.prmos.engine.openapi.DocParts.body;
import static io.prmos.engine.openapi.DocParts.bool;
import static io.prmos.engine.openapi.DocParts.bounded;
import static io.prmos.engine.openapi.DocParts.freeObject;
import static io.prmos.engine.openapi.DocParts.header;
import static io.prmos.engine.openapi.DocParts.integer;
import static io.prmos.engine.openapi.DocParts.nullableString;
import static io.prmos.engine.openapi.DocParts.object;
import static io.prmos.engine.openapi.DocParts.ok;
import static io.prmos.engine.openapi.DocParts.operation;
import static io.prmos.engine.openapi.DocParts.path;
import static io.prmos.engine.openapi.DocParts.query;
import static io.prmos.engine.openapi.DocParts.ref;
import static io.prmos.engine.openapi.DocParts.responses;
import static io.prmos.engine.openapi.DocParts.string;
import static io.prmos.engine.openapi.DocParts.strings;
import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createPathItem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The agents API (docs/agents.md) for a signed-in caller: the agents they may start, starting a run,
 * runs (their own; a tenant admin's: all), cancel, approvals and a run's server-sent event stream.
 * Which agents exist differs per caller, so the run path takes the agent as a parameter.
 */
final class AgentPaths {

    static final String AGENTS = "agents";
    private static final String[] STATUSES = {"queued", "running", "waiting_for_approval", "succeeded", "failed", "cancelled",
            "timed_out"};
    private static final Map<String, Supplier<Schema>> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put("AgentList", () -> object().addProperty("items", array(object().addProperty("name", string().description("module.agent"))
                        .addProperty("description", string()).addProperty("model", string().description("Model profile"))
                        .addProperty("configured", bool().description("Whether the model profile is configured"))
                        .addProperty("entity", string().description("The entity whose records it runs on, module.Entity"))
                        .addProperty("approval", array(string()).description("Tools whose calls wait for a person's approval"))
                        .required(List.of("name", "model", "configured"))))
                .required(List.of("items")));
        SCHEMAS.put("AgentRun", AgentPaths::run);
        SCHEMAS.put("AgentRunList", () -> object().addProperty("items", array(ref("AgentRun")))
                .addProperty("nextCursor", string().description("Present when there may be more: pass it as cursor")).required(List.of("items")));
    }

    private AgentPaths() {
    }

    static Optional<Schema> schema(String name) {
        return Optional.ofNullable(SCHEMAS.get(name)).map(Supplier::get);
    }

    static Map<String, PathItem> of() {
        Map<String, PathItem> out = new LinkedHashMap<>();
        out.put("/api/v1/agents", createPathItem().GET(operation("agents_list", AGENTS, "Agents you may run",
                "Agents with a manual trigger whose entity you may read; configured is false when no model is set for the profile.")
                .responses(responses("200", ok("The agents", ref("AgentList"))))));
        out.put("/api/v1/agents/{agent}/runs", createPathItem().addParameter(path("agent", "The agent, module.agent"))
                .POST(operation("agents_run", AGENTS, "Start a run", "Starts the agent as you: its tools act with your permissions and "
                        + "are attributed to the agent. 503 when its model profile is not configured.")
                        .requestBody(body(object().addProperty("record", string().description("URN of the record in focus"))
                                .addProperty("input", string().description("What to do (text)"))
                                .addProperty("limits", object().addProperty("steps", integer("int32").minimum(java.math.BigDecimal.ONE))
                                        .addProperty("tokens", integer("int32").minimum(java.math.BigDecimal.ONE))
                                        .addProperty("timeout", string().pattern("^[1-9][0-9]{0,5}[sm]$").description("90s, 5m"))
                                        .description("Lower limits than the agent's (never higher)")), "The run's start"))
                        .responses(responses("201", ok("The queued run", ref("AgentRun")), 403, 404, 409, 422, 503))));
        out.put("/api/v1/agents/runs", createPathItem().GET(operation("agents_runs", AGENTS, "Runs",
                "Your runs, newest first (a tenant admin sees every run of the tenant).")
                .addParameter(query("agent", "Only runs of this agent, module.agent", string()))
                .addParameter(query("status", "Only runs in this status", strings(STATUSES)))
                .addParameter(query("record", "Only runs about this record (its URN)", string()))
                .addParameter(query("cursor", "The nextCursor of the previous page", string()))
                .addParameter(query("limit", "At most this many (default 50)", bounded(1, 200)))
                .responses(responses("200", ok("The runs", ref("AgentRunList")), 400))));
        runPaths(out);
        return out;
    }

    /** The paths of one run. */
    private static void runPaths(Map<String, PathItem> out) {
        out.put("/api/v1/agents/runs/{id}", createPathItem().addParameter(path("id", "The run's id", string("uuid")))
                .GET(operation("agents_run_get", AGENTS, "A run", "The run with its status, counts, pending call and output.")
                        .responses(responses("200", ok("The run", ref("AgentRun")), 404))));
        out.put("/api/v1/agents/runs/{id}/cancel", createPathItem().addParameter(path("id", "The run's id", string("uuid")))
                .POST(operation("agents_run_cancel", AGENTS, "Cancel a run", "Stops a queued, running or waiting run.")
                        .responses(responses("200", ok("The cancelled run", ref("AgentRun")), 404, 409))));
        out.put("/api/v1/agents/runs/{id}/approvals/{callId}", createPathItem().addParameter(path("id", "The run's id", string("uuid")))
                .addParameter(path("callId", "The waiting call's id (pending_call.callId)"))
                .POST(operation("agents_run_decide", AGENTS, "Approve or reject a call", "Decides the tool call the run waits for; "
                        + "approving needs the tool among your own tools. The run resumes either way.")
                        .requestBody(body(object().addProperty("decision", strings("approve", "reject"))
                                .addProperty("comment", string().maxLength(1000)).required(List.of("decision")), "The decision"))
                        .responses(responses("200", ok("The run, queued again", ref("AgentRun")), 403, 404, 409, 422))));
        out.put("/api/v1/agents/runs/{id}/stream", createPathItem().addParameter(path("id", "The run's id", string("uuid")))
                .GET(operation("agents_run_stream", AGENTS, "Stream a run", "Server-sent events of the run (event name = kind: status, "
                        + "text, message, tool_call, tool_result, approval_needed, approval, output; id = the event's number), from the "
                        + "start or after Last-Event-ID, live until the run ends; heartbeats as comments.")
                        .addParameter(header("Last-Event-ID", "Resume after this event number"))
                        .addParameter(query("after", "Start after this event number", integer("int32")))
                        .responses(responses("200", createAPIResponse().description("The run's events").content(createContent()
                                .addMediaType("text/event-stream", createMediaType().schema(string()))), 400, 404))));
    }

    private static Schema run() {
        return object().addProperty("id", string("uuid")).addProperty("module", string()).addProperty("agent", string())
                .addProperty("agent_version", string()).addProperty("trigger", strings("manual", "event", "schedule"))
                .addProperty("trigger_key", nullableString(null)).addProperty("principal", string())
                .addProperty("principal_name", nullableString(null)).addProperty("principal_roles", array(string()))
                .addProperty("acts_as_agent", bool()).addProperty("status", strings(STATUSES))
                .addProperty("reason", nullableString(null).description("Why it failed, timed out or was cancelled"))
                .addProperty("input", freeObject("record, input and limits as given"))
                .addProperty("instructions", string().description("The rendered system prompt"))
                .addProperty("output", freeObject("The final answer (valid against the agent's output schema)"))
                .addProperty("steps", integer("int32")).addProperty("tokens_in", integer("int32")).addProperty("tokens_out", integer("int32"))
                .addProperty("elapsed_ms", integer("int64"))
                .addProperty("pending_call", freeObject("{callId, tool, arguments} while waiting_for_approval"))
                .addProperty("created_at", string("date-time")).addProperty("finished_at", nullableString("date-time"))
                .required(List.of("id", "module", "agent", "status", "trigger", "principal", "steps", "created_at"));
    }
}
