package io.prmos.metadata.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.model.ActionDef;
import io.prmos.metadata.model.Automation;
import io.prmos.metadata.model.EntityHooks;
import io.prmos.metadata.model.Transition;
import io.prmos.metadata.model.ValidationRule;
import io.prmos.metadata.model.Workflow;
import io.prmos.metadata.naming.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps an entity's behaviour — validation rules, workflow, hooks and actions — from schema-valid JSON. */
final class BehaviourMapper {

    private BehaviourMapper() {
    }

    static List<ValidationRule> validations(JsonNode node) {
        List<ValidationRule> out = new ArrayList<>();
        for (JsonNode item : node) {
            out.add(new ValidationRule(item.path("rule").asText(), item.path("message").asText(),
                    ManifestMapper.text(item, "field")));
        }
        return List.copyOf(out);
    }

    static Optional<Workflow> workflow(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        Map<String, Transition> transitions = new LinkedHashMap<>();
        node.path("transitions").fields().forEachRemaining(e -> transitions.put(e.getKey(), transition(e.getKey(), e.getValue())));
        return Optional.of(new Workflow(node.path("field").asText(), node.path("initial").asText(),
                Collections.unmodifiableMap(transitions)));
    }

    private static Transition transition(String name, JsonNode node) {
        Map<String, JsonNode> set = new LinkedHashMap<>();
        node.path("set").fields().forEachRemaining(e -> set.put(e.getKey(), e.getValue().deepCopy()));
        return new Transition(name, ManifestMapper.text(node, "label").orElse(Names.humanize(name)),
                ManifestMapper.strings(node.path("from")), node.path("to").asText(),
                ManifestMapper.text(node, "guard"), ManifestMapper.text(node, "guardMessage"),
                ManifestMapper.strings(node.path("roles")), Collections.unmodifiableMap(set),
                ManifestMapper.text(node, "emit"), Transition.RowScope.of(node.path("rowScope").asText("update")));
    }

    static EntityHooks hooks(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return EntityHooks.NONE;
        }
        Map<String, List<String>> phases = new LinkedHashMap<>();
        for (String phase : EntityHooks.PHASES) {
            if (node.has(phase)) {
                phases.put(phase, ManifestMapper.strings(node.get(phase)));
            }
        }
        Optional<Integer> timeout = node.has("timeoutMillis") ? Optional.of(node.get("timeoutMillis").asInt()) : Optional.empty();
        return new EntityHooks(Collections.unmodifiableMap(phases), timeout);
    }

    static List<Automation> automations(JsonNode node) {
        List<Automation> out = new ArrayList<>();
        for (JsonNode item : node) {
            List<Automation.Step> steps = new ArrayList<>();
            for (JsonNode step : item.path("do")) {
                steps.add(step(step));
            }
            out.add(new Automation(item.path("name").asText(), item.path("on").asText(), ManifestMapper.text(item, "when"),
                    List.copyOf(steps)));
        }
        return List.copyOf(out);
    }

    /** The schema guarantees exactly one of create, update, emit, job, webhook. */
    private static Automation.Step step(JsonNode step) {
        if (step.has("create")) {
            JsonNode c = step.get("create");
            return new Automation.CreateRecord(c.path("entity").asText(), expressions(c.path("values")));
        }
        if (step.has("update")) {
            JsonNode u = step.get("update");
            return new Automation.UpdateRecord(u.path("entity").asText(), u.path("id").asText(), expressions(u.path("values")));
        }
        if (step.has("emit")) {
            JsonNode e = step.get("emit");
            return new Automation.Emit(e.path("event").asText(), expressions(e.path("payload")));
        }
        if (step.has("job")) {
            JsonNode j = step.get("job");
            return new Automation.EnqueueJob(j.path("type").asText(), expressions(j.path("payload")),
                    ManifestMapper.text(j, "idempotencyKey"));
        }
        return new Automation.Webhook(step.path("webhook").asText());
    }

    private static Map<String, String> expressions(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(out);
    }

    static Map<String, ActionDef> actions(JsonNode node) {
        Map<String, ActionDef> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), new ActionDef(e.getKey(),
                ManifestMapper.text(e.getValue(), "label").orElse(Names.humanize(e.getKey())),
                e.getValue().path("hook").asText(),
                Optional.ofNullable(e.getValue().get("input")).map(JsonNode::deepCopy),
                ManifestMapper.strings(e.getValue().path("roles")))));
        return Collections.unmodifiableMap(out);
    }
}
