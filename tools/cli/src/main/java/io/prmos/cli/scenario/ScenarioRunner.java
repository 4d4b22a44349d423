package io.prmos.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.cli.kernel.Kernel;
import io.prmos.cli.scenario.Scenario.EventExpect;
import io.prmos.cli.scenario.Scenario.Expect;
import io.prmos.cli.scenario.Scenario.Kind;
import io.prmos.cli.scenario.Scenario.RecordExpect;
import io.prmos.cli.scenario.Scenario.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs scenarios one after the other on one kernel. A scenario stops at its first failing step (later
 * steps build on earlier ones); at its end, every event emitted in its tenant is checked against the
 * schema its module declares. Events are read from the outbox, which fills asynchronously: event
 * expectations wait up to {@link #EVENT_WAIT} for a match.
 */
public final class ScenarioRunner {

    static final Duration EVENT_WAIT = Duration.ofSeconds(15);
    private static final Duration SETTLE = Duration.ofMillis(1500);

    private final KernelApi api;
    private final EventSchemas schemas;

    public ScenarioRunner(Kernel kernel, EventSchemas schemas) {
        this.api = new KernelApi(kernel);
        this.schemas = schemas;
    }

    /** The dev identity user a scenario's user signs in as: each scenario has its own, in its own tenant. */
    public static String devUser(String user, int index) {
        return user + "-s" + index;
    }

    public ScenarioResult run(Scenario scenario, int index) {
        long started = System.nanoTime();
        Variables variables = new Variables(scenario.file(), scenario.tenant());
        long from = api.events(scenario.tenant(), 0).next();
        List<String> failures = new ArrayList<>();
        List<KernelApi.Answer> answers = new ArrayList<>();
        int run = 0;
        List<Step> all = new ArrayList<>(scenario.given());
        all.addAll(scenario.steps());
        for (Step step : all) {
            run++;
            List<String> stepFailures;
            try {
                stepFailures = step(scenario, index, step, variables, from, answers);
            } catch (ScenarioException e) {
                stepFailures = List.of(e.getMessage());
            }
            if (!stepFailures.isEmpty()) {
                failures.addAll(stepFailures);
                break;
            }
        }
        sleep(SETTLE.toMillis());
        List<JsonNode> emitted = api.events(scenario.tenant(), from).items();
        for (JsonNode event : emitted) {
            schemas.violation(event).ifPresent(v -> failures.add(scenario.file() + ":1: " + v));
        }
        return new ScenarioResult(scenario, run, failures, emitted, answers, (System.nanoTime() - started) / 1_000_000);
    }

    private List<String> step(Scenario scenario, int index, Step step, Variables variables, long from, List<KernelApi.Answer> answers) {
        List<String> failures = new ArrayList<>();
        String where = scenario.file() + ":" + step.line() + ": step '" + step.name() + "': ";
        Expect expect = step.expect();
        if (step.kind() != Kind.CHECK) {
            KernelApi.Answer answer = switch (step.kind()) {
                case FIXTURE -> api.fixture(scenario.tenant(), step.target(), variables.resolve(step.body(), step.line()));
                case EVENT -> api.inject(scenario.tenant(), step.target(), variables.resolve(step.body(), step.line()));
                default -> api.call(devUser(user(scenario, step), index), step.method(), variables.resolve(step.target(), step.line()),
                        variables.resolve(step.body(), step.line()));
            };
            if (step.kind() == Kind.REQUEST) {
                answers.add(answer);
            }
            response(answer, expect, variables, step.line()).ifPresent(f -> failures.add(where + f));
            if (failures.isEmpty() && step.save() != null) {
                variables.save(step.save(), answer.body());
            }
        }
        if (failures.isEmpty()) {
            for (RecordExpect r : expect.records()) {
                records(scenario, r, variables).ifPresent(f -> failures.add(scenario.file() + ":" + r.line() + ": step '" + step.name() + "': " + f));
            }
            for (EventExpect e : expect.events()) {
                event(scenario, e, variables, from).ifPresent(f -> failures.add(scenario.file() + ":" + e.line() + ": step '" + step.name() + "': " + f));
            }
        }
        return failures;
    }

    private static String user(Scenario scenario, Step step) {
        if (step.as() != null) {
            if (!scenario.users().containsKey(step.as())) {
                throw new ScenarioException(scenario.file(), step.line(), "user '" + step.as() + "' is not declared under users");
            }
            return step.as();
        }
        return scenario.users().keySet().stream().findFirst()
                .orElseThrow(() -> new ScenarioException(scenario.file(), step.line(), "a request needs a user: declare users and say as: USER"));
    }

    private static Optional<String> response(KernelApi.Answer answer, Expect expect, Variables variables, int line) {
        String got = answer.method() + " " + answer.path() + " answered " + answer.status();
        String detail = answer.body().path("detail").asText("");
        List<String> pointers = new ArrayList<>();
        answer.body().path("errors").forEach(e -> pointers.add(e.path("pointer").asText("") + " " + e.path("message").asText("")));
        if (!pointers.isEmpty()) {
            detail += " [" + String.join("; ", pointers) + "]";
        }
        if (expect.status() == null ? answer.status() / 100 != 2 : expect.status() != answer.status()) {
            return Optional.of("expected status " + (expect.status() == null ? "2xx" : expect.status()) + ", got " + answer.status()
                    + " (" + got + (detail.isEmpty() ? ", body " + JsonMatch.show(answer.body()) : ": " + detail) + ")");
        }
        if (expect.body() != null) {
            Optional<String> mismatch = JsonMatch.mismatch(variables.resolve(expect.body(), line), answer.body());
            if (mismatch.isPresent()) {
                return Optional.of("response body " + mismatch.get());
            }
        }
        if (expect.problemType() != null && !answer.body().path("type").asText("").endsWith("/" + expect.problemType())) {
            return Optional.of("expected a problem of type " + expect.problemType() + ", got " + JsonMatch.show(answer.body().path("type")));
        }
        for (String pointer : expect.problemPointers()) {
            boolean found = false;
            for (JsonNode error : answer.body().path("errors")) {
                found |= pointer.equals(error.path("pointer").asText());
            }
            if (!found) {
                return Optional.of("expected a problem at " + pointer + ", got errors " + JsonMatch.show(answer.body().path("errors")));
            }
        }
        return Optional.empty();
    }

    private Optional<String> records(Scenario scenario, RecordExpect expect, Variables variables) {
        List<JsonNode> found;
        try {
            found = api.records(scenario.tenant(), expect.entity(), variables.resolve(expect.where(), expect.line()));
        } catch (IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
        String what = expect.entity() + (expect.where() == null ? "" : " where " + expect.where());
        if (expect.count() != null && found.size() != expect.count()) {
            return Optional.of("expected " + expect.count() + " record(s) of " + what + ", found " + found.size());
        }
        if (expect.match() != null) {
            JsonNode match = variables.resolve(expect.match(), expect.line());
            Optional<String> closest = Optional.of("no records");
            for (JsonNode record : found) {
                Optional<String> mismatch = JsonMatch.mismatch(match, record);
                if (mismatch.isEmpty()) {
                    return Optional.empty();
                }
                closest = mismatch;
            }
            return Optional.of("no record of " + what + " matches " + JsonMatch.show(match) + " (" + closest.get() + ")");
        }
        return Optional.empty();
    }

    private Optional<String> event(Scenario scenario, EventExpect expect, Variables variables, long from) {
        JsonNode match = variables.resolve(expect.match(), expect.line());
        long deadline = System.nanoTime() + (expect.absent() ? SETTLE : EVENT_WAIT).toNanos();
        List<JsonNode> ofType;
        do {
            ofType = api.events(scenario.tenant(), from).items().stream().filter(e -> e.path("type").asText().equals(expect.type())).toList();
            boolean matched = ofType.stream().anyMatch(e -> JsonMatch.mismatch(match, e.path("data")).isEmpty());
            if (matched && !expect.absent()) {
                return Optional.empty();
            }
            if (matched) {
                return Optional.of("expected no " + expect.type() + (match == null ? "" : " matching " + JsonMatch.show(match)) + ", but it was emitted");
            }
        } while (System.nanoTime() < deadline && sleep(200));
        if (expect.absent()) {
            return Optional.empty();
        }
        return Optional.of("expected event " + expect.type() + (match == null ? "" : " with data matching " + JsonMatch.show(match))
                + " within " + EVENT_WAIT.toSeconds() + " s; emitted " + (ofType.isEmpty() ? "none of that type"
                : ofType.size() + " of that type, e.g. " + JsonMatch.show(ofType.get(ofType.size() - 1).path("data"))));
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }
}
