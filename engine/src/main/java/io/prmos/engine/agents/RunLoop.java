package io.prmos.engine.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.prmos.engine.store.kernel.RunRows;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Executes one segment of a run on a runner thread (it blocks; never on the event loop): answer the open
 * tool calls — pausing at one that needs approval — then ask the model, stream its text into the run's
 * events, and repeat until the model answers without tool calls, a limit stops the run, or it is cancelled.
 * Every status change is conditional on the run still running, so a cancel elsewhere always wins.
 */
final class RunLoop {

    private static final Logger LOG = Logger.getLogger(RunLoop.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TICK_MS = 150;

    /** How a segment ended; the run's status says the rest. */
    enum End { FINISHED, PAUSED, STOPPED }

    private final RunRows rows;
    private final RunJournal journal;
    private final ToolExecutor executor;
    private final RunPlan plan;
    private final Consumer<JsonNode> onWaiting;
    private final long started = System.currentTimeMillis();
    private int steps;
    private int tokensIn;
    private int tokensOut;

    /** {@code onWaiting}: told the pending call once the run waits for a person's approval. */
    RunLoop(RunRows rows, RunJournal journal, ToolExecutor executor, RunPlan plan, Consumer<JsonNode> onWaiting) {
        this.onWaiting = onWaiting;
        this.rows = rows;
        this.journal = journal;
        this.executor = executor;
        this.plan = plan;
        this.steps = plan.used().steps();
        this.tokensIn = plan.used().tokensIn();
        this.tokensOut = plan.used().tokensOut();
    }

    End run() {
        if (!move("running", null, null, List.of("queued"))) {
            return End.STOPPED;
        }
        try {
            while (true) {
                List<RunRows.Event> events = rows.events(plan.tenant(), plan.id(), 0).await().atMost(RunJournal.WAIT);
                List<Conversation.Call> open = Conversation.open(events);
                if (!open.isEmpty()) {
                    Optional<End> end = answer(open, events);
                    if (end.isPresent()) {
                        return end.get();
                    }
                    continue;
                }
                Optional<End> end = ask(events);
                if (end.isPresent()) {
                    return end.get();
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "agent run %s failed", plan.id());
            return stop("failed", "the run failed inside the engine: " + e.getClass().getSimpleName());
        }
    }

    /** Answers the open calls in order; ends the segment at a call that waits for a person. */
    private Optional<End> answer(List<Conversation.Call> open, List<RunRows.Event> events) {
        for (Conversation.Call call : open) {
            Optional<End> stop = interrupted();
            if (stop.isPresent()) {
                return stop;
            }
            Tool tool = plan.tools().get(call.wireName());
            if (tool != null && plan.agent().needsApproval(tool.name())) {
                Optional<ObjectNode> decision = Conversation.decision(events, call.id());
                if (decision.isEmpty()) {
                    return Optional.of(pause(call, tool));
                }
                if (!"approve".equals(decision.get().path("decision").asText())) {
                    result(call, tool, ToolExecutor.error(403, "Rejected", "a person rejected this call"
                            + reason(decision.get()), null).content(), false);
                    continue;
                }
            }
            execute(call, tool);
        }
        return Optional.empty();
    }

    private void execute(Conversation.Call call, Tool tool) {
        ObjectNode started = JsonNodeFactory.instance.objectNode().put("callId", call.id())
                .put("tool", tool == null ? call.wireName() : tool.name());
        started.set("arguments", parsed(call.arguments()).orElse(JsonNodeFactory.instance.textNode(call.arguments())));
        journal.append(plan.tenant(), plan.id(), "tool_call", started);
        ToolExecutor.Outcome outcome;
        Optional<JsonNode> args = parsed(call.arguments());
        if (tool == null) {
            outcome = ToolExecutor.error(404, "Unknown tool", "no tool '" + call.wireName() + "' is available to this run", null);
        } else if (args.isEmpty()) {
            outcome = ToolExecutor.error(400, "Invalid arguments", "the arguments are not JSON", null);
        } else {
            outcome = executor.call(plan.principal(), tool.name(), args.get(), plan.agent().jobs()).await().atMost(RunJournal.WAIT);
        }
        result(call, tool, outcome.content(), outcome.ok());
    }

    private void result(Conversation.Call call, Tool tool, ObjectNode content, boolean ok) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("callId", call.id())
                .put("tool", tool == null ? call.wireName() : tool.name()).put("wireName", call.wireName()).put("ok", ok);
        data.set("result", content);
        journal.append(plan.tenant(), plan.id(), "tool_result", data);
    }

    private End pause(Conversation.Call call, Tool tool) {
        ObjectNode pending = JsonNodeFactory.instance.objectNode().put("callId", call.id()).put("tool", tool.name());
        pending.set("arguments", parsed(call.arguments()).orElse(JsonNodeFactory.instance.textNode(call.arguments())));
        progress(null);
        if (!move("waiting_for_approval", null, pending, List.of("running"))) {
            return End.STOPPED;
        }
        journal.append(plan.tenant(), plan.id(), "status", status("waiting_for_approval", null));
        journal.append(plan.tenant(), plan.id(), "approval_needed", pending);
        onWaiting.accept(pending);
        return End.PAUSED;
    }

    /** One model turn: limits first, then the streamed answer. */
    private Optional<End> ask(List<RunRows.Event> events) {
        Optional<End> stop = interrupted();
        if (stop.isPresent()) {
            return stop;
        }
        if (steps >= plan.limits().steps()) {
            return Optional.of(stop("failed", "step limit reached: the model asked for more after " + steps + " steps"));
        }
        if (tokensIn + tokensOut >= plan.limits().tokens()) {
            return Optional.of(stop("failed", "token limit reached: " + (tokensIn + tokensOut) + " of " + plan.limits().tokens()));
        }
        ModelTurn turn = ModelTurn.start(plan.model(), Conversation.messages(plan.instructions(), plan.input(), events),
                plan.specifications());
        ChatResponse response;
        try {
            response = awaitAnswer(turn);
        } catch (ModelTurn.ModelFailure e) {
            flush(turn);
            return Optional.of(stop("failed", "the model failed: " + e.getMessage()));
        }
        flush(turn);
        if (response == null) {
            return Optional.of(interrupted().orElse(End.STOPPED));
        }
        steps++;
        TokenUsage usage = response.tokenUsage();
        int in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        int out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        tokensIn += in;
        tokensOut += out;
        AiMessage ai = response.aiMessage();
        journal.append(plan.tenant(), plan.id(), "message", Conversation.message(ai, in, out, turn.elapsedMillis()));
        progress(null);
        return ai.hasToolExecutionRequests() ? Optional.empty() : Optional.of(finish(ai.text()));
    }

    /** The answer, or null when the run was cancelled or timed out while the model was answering. */
    private ChatResponse awaitAnswer(ModelTurn turn) throws ModelTurn.ModelFailure {
        while (true) {
            ChatResponse response = turn.await(Math.min(TICK_MS, remainingMillis()));
            if (response != null) {
                return response;
            }
            flush(turn);
            if (plan.cancelled().get() || remainingMillis() <= 0) {
                return null;
            }
        }
    }

    private void flush(ModelTurn turn) {
        String text = turn.drain();
        if (!text.isEmpty()) {
            journal.append(plan.tenant(), plan.id(), "text", JsonNodeFactory.instance.objectNode().put("delta", text));
        }
    }

    private End finish(String text) {
        OutputCheck.Result result = OutputCheck.check(text, plan.agent().output().orElse(null));
        if (result.refusal() != null) {
            return stop("failed", result.refusal());
        }
        progress(result.output());
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.set("output", result.output());
        if (!move("succeeded", null, null, List.of("running"))) {
            return End.STOPPED;
        }
        journal.append(plan.tenant(), plan.id(), "output", data);
        journal.append(plan.tenant(), plan.id(), "status", status("succeeded", null));
        return End.FINISHED;
    }

    /** Cancelled (here or on another instance) or out of time: the segment ends. */
    private Optional<End> interrupted() {
        if (remainingMillis() <= 0) {
            return Optional.of(stop("timed_out", "the run took longer than its limit of " + plan.limits().timeout().toSeconds() + "s"));
        }
        if (plan.cancelled().get()) {
            return Optional.of(End.STOPPED);
        }
        String now = rows.get(plan.tenant(), plan.id()).await().atMost(RunJournal.WAIT).map(r -> r.path("status").asText()).orElse("");
        return "running".equals(now) ? Optional.empty() : Optional.of(End.STOPPED);
    }

    private End stop(String status, String reason) {
        progress(null);
        if (move(status, reason, null, List.of("running"))) {
            journal.append(plan.tenant(), plan.id(), "status", status(status, reason));
        }
        return End.STOPPED;
    }

    private boolean move(String status, String reason, JsonNode pending, List<String> from) {
        boolean moved = rows.status(plan.tenant(), plan.id(), status, reason, pending, from).await().atMost(RunJournal.WAIT);
        if (moved && "running".equals(status)) {
            journal.append(plan.tenant(), plan.id(), "status", status(status, null));
        }
        return moved;
    }

    private void progress(JsonNode output) {
        rows.progress(plan.tenant(), plan.id(), steps, tokensIn, tokensOut, elapsedMillis(), output).await().atMost(RunJournal.WAIT);
    }

    private long elapsedMillis() {
        return plan.used().elapsedMs() + System.currentTimeMillis() - started;
    }

    private long remainingMillis() {
        return plan.limits().timeout().toMillis() - elapsedMillis();
    }

    static ObjectNode status(String status, String reason) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("status", status);
        return reason == null ? data : data.put("reason", reason);
    }

    private static String reason(ObjectNode decision) {
        String by = decision.path("byName").asText("");
        String why = decision.path("comment").asText("");
        return (by.isEmpty() ? "" : " (" + by + ")") + (why.isEmpty() ? "" : ": " + why);
    }

    private static Optional<JsonNode> parsed(String arguments) {
        try {
            JsonNode node = JSON.readTree(arguments == null || arguments.isBlank() ? "{}" : arguments);
            return Optional.ofNullable(node);
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
