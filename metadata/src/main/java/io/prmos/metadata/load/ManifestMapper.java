package io.prmos.metadata.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.model.DictionaryDef;
import io.prmos.metadata.model.EntityDef;
import io.prmos.metadata.model.Manifest;
import io.prmos.metadata.model.MigrationDirective;
import io.prmos.metadata.model.Navigation;
import io.prmos.metadata.model.SemVer;
import io.prmos.metadata.naming.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Maps a schema-valid JSON tree to the {@link Manifest} records and applies defaults. It trusts the
 * schema for shapes and types; meaning (names, references, defaults) is the semantic checker's job.
 */
final class ManifestMapper {

    private ManifestMapper() {
    }

    /**
     * Maps {@code root}; a {@code where} rule that does not parse is passed to {@code ruleProblems}
     * as (pointer, message) for the semantic checker to report.
     */
    static Manifest map(JsonNode root, BiConsumer<String, String> ruleProblems) {
        String module = root.path("module").asText();
        SemVer version = SemVer.parse(root.path("version").asText())
                .orElseThrow(() -> new IllegalStateException("schema admitted an invalid version"));
        return new Manifest(
                root.path("apiVersion").asText(),
                module,
                version,
                text(root, "title").orElse(Names.humanize(module)),
                text(root, "description").orElse(null),
                requires(root.path("requires")),
                dictionaries(root.path("dictionaries")),
                entities(root.path("entities")),
                PermissionMapper.roles(root.path("roles")),
                navigation(root.path("navigation"), module),
                new PermissionMapper(ruleProblems).permissions(root.path("permissions")),
                migrations(root.path("migrations")),
                EventsMapper.map(root.path("events")),
                object(root, "hooks"),
                AgentMapper.agents(root.path("agents")),
                RegistryMapper.links(root.path("links")),
                BehaviourMapper.automations(root.path("automations")),
                ModuleUiMapper.map(root.path("ui")));
    }

    static Optional<String> text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return Collections.unmodifiableList(out);
    }

    private static Optional<JsonNode> object(JsonNode root, String key) {
        return Optional.ofNullable(root.get(key)).map(JsonNode::deepCopy);
    }

    private static Map<String, String> requires(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, DictionaryDef> dictionaries(JsonNode node) {
        Map<String, DictionaryDef> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), dictionary(e.getKey(), e.getValue())));
        return Collections.unmodifiableMap(out);
    }

    private static DictionaryDef dictionary(String name, JsonNode node) {
        List<DictionaryDef.Value> values = new ArrayList<>();
        JsonNode items = node.isArray() ? node : node.path("values");
        for (JsonNode item : items) {
            String code = item.isTextual() ? item.asText() : item.path("code").asText();
            String label = item.isTextual() ? Names.humanize(code) : text(item, "label").orElse(Names.humanize(code));
            values.add(new DictionaryDef.Value(code, label, item.isTextual() ? null : text(item, "color").orElse(null)));
        }
        String label = node.isArray() ? Names.humanize(name) : text(node, "label").orElse(Names.humanize(name));
        return new DictionaryDef(name, label, List.copyOf(values), !node.isArray() && node.path("extensible").asBoolean(false));
    }

    private static Map<String, EntityDef> entities(JsonNode node) {
        Map<String, EntityDef> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), EntityMapper.map(e.getKey(), e.getValue())));
        return Collections.unmodifiableMap(out);
    }

    /** The schema guarantees each item is {@code {drop: {...}}} naming an entity or a dictionary. */
    private static List<MigrationDirective> migrations(JsonNode node) {
        List<MigrationDirective> out = new ArrayList<>();
        for (JsonNode item : node) {
            JsonNode drop = item.path("drop");
            Optional<String> entity = text(drop, "entity");
            if (entity.isPresent()) {
                Optional<String> field = text(drop, "field");
                out.add(field.isPresent()
                        ? new MigrationDirective.DropField(entity.get(), field.get())
                        : new MigrationDirective.DropEntity(entity.get()));
            } else {
                String dictionary = drop.path("dictionary").asText();
                Optional<String> value = text(drop, "value");
                out.add(value.isPresent()
                        ? new MigrationDirective.DropDictionaryValue(dictionary, value.get())
                        : new MigrationDirective.DropDictionary(dictionary));
            }
        }
        return List.copyOf(out);
    }

    private static Optional<Navigation> navigation(JsonNode node, String module) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new Navigation(
                text(node, "section").orElse("main"),
                text(node, "label").orElse(Names.humanize(module)),
                text(node, "icon").orElse(null),
                node.path("order").asInt(0)));
    }
}
