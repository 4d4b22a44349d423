package io.prmos.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.cli.scenario.Scenario.EventExpect;
import io.prmos.cli.scenario.Scenario.Expect;
import io.prmos.cli.scenario.Scenario.Kind;
import io.prmos.cli.scenario.Scenario.RecordExpect;
import io.prmos.cli.scenario.Scenario.Step;
import io.prmos.metadata.load.LocatedDocument;
import io.prmos.metadata.load.SourceMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads one scenario file into a {@link Scenario}; every mistake is a {@link ScenarioException} with its line. */
public final class ScenarioReader {

    private static final Set<String> TOP = Set.of("scenario", "tenant", "users", "given", "steps");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Set<String> STEP = Set.of("name", "as", "get", "post", "put", "patch", "delete", "body", "record", "values",
            "event", "payload", "transition", "action", "on", "save", "expect");
    private static final Set<String> EXPECT = Set.of("status", "body", "problem", "records", "events");

    private final String file;
    private final SourceMap sources;

    private ScenarioReader(String file, SourceMap sources) {
        this.file = file;
        this.sources = sources;
    }

    /** @param tenant the tenant to use when the file names none */
    public static Scenario read(String text, String file, String tenant) {
        LocatedDocument document;
        try {
            document = LocatedDocument.read(text, file);
        } catch (LocatedDocument.Unreadable e) {
            throw new ScenarioException(file, e.position() == null ? 1 : e.position().line(), "not YAML: " + e.getMessage());
        }
        return new ScenarioReader(file, document.sourceMap()).scenario(document.root(), tenant);
    }

    private Scenario scenario(JsonNode root, String defaultTenant) {
        if (root == null || !root.isObject()) {
            throw new ScenarioException(file, 1, "a scenario is a mapping with scenario, users, given and steps");
        }
        known(root, "", TOP);
        Map<String, List<String>> users = new LinkedHashMap<>();
        root.path("users").fields().forEachRemaining(e -> {
            List<String> roles = new ArrayList<>();
            e.getValue().forEach(r -> roles.add(r.asText()));
            users.put(e.getKey(), roles);
        });
        List<Step> given = steps(root.path("given"), "/given");
        List<Step> steps = steps(root.path("steps"), "/steps");
        if (steps.isEmpty() && given.isEmpty()) {
            throw new ScenarioException(file, 1, "the scenario has no steps");
        }
        String name = root.path("scenario").asText(file);
        return new Scenario(file, name, root.path("tenant").asText(defaultTenant), users, given, steps);
    }

    private List<Step> steps(JsonNode list, String pointer) {
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(step(list.get(i), pointer + "/" + i));
        }
        return out;
    }

    private Step step(JsonNode node, String at) {
        int line = line(at);
        if (!node.isObject()) {
            throw new ScenarioException(file, line, "a step is a mapping");
        }
        known(node, at, STEP);
        String as = text(node, "as");
        String save = text(node, "save");
        Expect expect = node.has("expect") ? expect(node.get("expect"), at + "/expect") : Expect.none(line);
        String name = node.path("name").asText(null);
        List<String> verbs = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (METHODS.contains(k) || Set.of("record", "event", "transition", "action").contains(k)) {
                verbs.add(k);
            }
        });
        if (verbs.size() > 1) {
            throw new ScenarioException(file, line, "a step does one thing; this one has " + String.join(" and ", verbs));
        }
        String verb = verbs.isEmpty() ? "" : verbs.get(0);
        return switch (verb) {
            case "" -> {
                if (!node.has("expect")) {
                    throw new ScenarioException(file, line, "a step needs one of get, post, put, patch, delete, transition, action,"
                            + " record, event or expect");
                }
                yield new Step(line, name(name, "check"), Kind.CHECK, as, null, null, null, save, expect);
            }
            case "record" -> new Step(line, name(name, "given " + text(node, "record")), Kind.FIXTURE, null, "POST", text(node, "record"),
                    node.path("values"), save, expect);
            case "event" -> new Step(line, name(name, "event " + text(node, "event")), Kind.EVENT, null, "POST", text(node, "event"),
                    node.path("payload"), save, expect);
            case "transition", "action" -> {
                String on = required(node, "on", at, verb + " needs on: module/Entity/ID");
                String path = "/" + strip(on) + (verb.equals("transition") ? "/transitions/" : "/actions/") + text(node, verb);
                yield new Step(line, name(name, verb + " " + text(node, verb)), Kind.REQUEST, as, "POST", path, node.get("body"), save, expect);
            }
            default -> new Step(line, name(name, verb.toUpperCase(Locale.ROOT) + " " + text(node, verb)), Kind.REQUEST, as,
                    verb.toUpperCase(Locale.ROOT), text(node, verb), node.get("body"), save, expect);
        };
    }

    private Expect expect(JsonNode node, String at) {
        int line = line(at);
        if (!node.isObject()) {
            throw new ScenarioException(file, line, "expect is a mapping of status, body, problem, records, events");
        }
        known(node, at, EXPECT);
        Integer status = node.has("status") ? node.get("status").asInt() : null;
        JsonNode problem = node.path("problem");
        List<String> pointers = new ArrayList<>();
        problem.path("pointers").forEach(p -> pointers.add(p.asText()));
        List<RecordExpect> records = new ArrayList<>();
        JsonNode recordList = node.path("records");
        for (int i = 0; i < recordList.size(); i++) {
            JsonNode r = recordList.get(i);
            String p = at + "/records/" + i;
            records.add(new RecordExpect(line(p), required(r, "entity", p, "a record expectation names its entity (module.Entity)"),
                    text(r, "where"), r.has("count") ? r.get("count").asInt() : null, r.get("match")));
        }
        List<EventExpect> events = new ArrayList<>();
        JsonNode eventList = node.path("events");
        for (int i = 0; i < eventList.size(); i++) {
            JsonNode e = eventList.get(i);
            String p = at + "/events/" + i;
            events.add(new EventExpect(line(p), required(e, "type", p, "an event expectation names its type (module.Event)"),
                    e.get("match"), e.path("absent").asBoolean(false)));
        }
        return new Expect(line, status, node.get("body"), problem.path("type").asText(null), pointers, records, events);
    }

    private void known(JsonNode node, String at, Set<String> allowed) {
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                throw new ScenarioException(file, line(at + "/" + key), "unknown key '" + key + "' (expected one of "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        });
    }

    private String required(JsonNode node, String key, String at, String message) {
        if (!node.path(key).isTextual()) {
            throw new ScenarioException(file, line(at), message);
        }
        return node.get(key).asText();
    }

    private int line(String pointer) {
        return sources.keyAt(pointer).line();
    }

    private static String text(JsonNode node, String key) {
        return node.hasNonNull(key) ? node.get(key).asText() : null;
    }

    private static String name(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given;
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
