package io.prmos.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An agent a module declares (docs/agents.md): a model profile, a system prompt template, the tools it
 * may call (names from {@link ToolNames}), the tools whose calls wait for a person's approval, what
 * starts it, the JSON Schema its final answer must satisfy, and the limits that stop a run.
 *
 * @param roles the roles of the agent principal that event and schedule runs act as; manual runs act
 *              as the calling user and ignore them
 * @param jobs  job types ({@code module.name}) the agent may enqueue with {@link ToolNames#ENQUEUE_JOB}
 */
public record AgentDef(String name, String description, String model, String instructions, List<String> roles,
                       List<String> tools, List<String> approval, List<Trigger> triggers, Optional<JsonNode> output,
                       Limits limits, List<String> jobs) {

    public static final String DEFAULT_MODEL = "default";

    public AgentDef {
        roles = List.copyOf(roles);
        tools = List.copyOf(tools);
        approval = List.copyOf(approval);
        triggers = List.copyOf(triggers);
        jobs = List.copyOf(jobs);
    }

    /** What starts a run. */
    public sealed interface Trigger permits Manual, OnEvent, Schedule {
    }

    /** Started by a user (API, UI), optionally from a record of {@code entity} ({@code module.Entity}). */
    public record Manual(Optional<String> entity) implements Trigger {
    }

    /** Started by each committed event of type {@code on} for which the CEL condition {@code when} holds. */
    public record OnEvent(String on, Optional<String> when) implements Trigger {
    }

    /** Started on a Quartz-style cron schedule ({@code sec min hour day month weekday [year]}), once per cluster. */
    public record Schedule(String cron) implements Trigger {
    }

    /** Steps (model turns), tokens (input plus output, summed over the run) and wall-clock time of one run. */
    public record Limits(int steps, int tokens, Duration timeout) {
        public static final Limits DEFAULT = new Limits(10, 50_000, Duration.ofMinutes(2));
    }

    public boolean needsApproval(String tool) {
        return approval.contains(tool);
    }

    public Optional<Manual> manual() {
        return triggers.stream().filter(Manual.class::isInstance).map(Manual.class::cast).findFirst();
    }
}
