package io.prmos.metadata.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Cuts the contract out of a published manifest: the parts other modules may build on — entities and
 * their fields (references, permissions and rules of requiring modules name them), dictionaries (their
 * fields' types), roles (requiring modules grant them), published events with their schemas (requiring
 * modules subscribe to them and tests inject them) — and nothing of the module's behaviour (permissions,
 * workflows, validation rules, formulas, hooks, automations, webhooks, UI, indexes, migrations).
 *
 * <p>A contract is itself a valid {@code prm/v1} manifest with the module's name and version, so the
 * ordinary loader and semantic checker read it, and {@code prm test} installs it on a throw-away kernel
 * as a stand-in whose tables make references work. The cut is a whitelist over the JSON tree, so a key
 * added to the manifest format later stays out of contracts until someone decides it belongs there.
 */
public final class ContractExtractor {

    private static final Set<String> TOP = Set.of("apiVersion", "module", "version", "title", "description",
            "requires", "dictionaries", "entities", "roles", "events");
    private static final Set<String> ENTITY = Set.of("label", "pluralLabel", "description", "display", "summary",
            "publicId", "features", "searchLanguage", "fields");
    private static final Set<String> FIELD = Set.of("type", "label", "description", "required", "unique", "readOnly",
            "filterable", "sortable", "searchable", "default", "min", "max", "minLength", "maxLength", "pattern",
            "precision", "scale", "currencies", "dictionary", "to", "onDelete", "hierarchy");
    private static final Set<String> EVENT = Set.of("description", "schema", "emit");

    private static final ObjectMapper YAML_READER = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON_READER = new ObjectMapper();
    private static final ObjectMapper YAML_WRITER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    /**
     * The contract of a published manifest, as YAML text.
     *
     * @param file the published file name; {@code .json} is read as JSON, anything else as YAML
     * @throws IllegalArgumentException when the text is not a manifest (a published one always is)
     */
    public String extract(String published, String file) {
        JsonNode root;
        try {
            root = (file.endsWith(".json") ? JSON_READER : YAML_READER).readTree(published);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not YAML or JSON: " + e.getOriginalMessage(), e);
        }
        if (!(root instanceof ObjectNode manifest)) {
            throw new IllegalArgumentException(file + " is not a manifest object");
        }
        ObjectNode contract = manifest.deepCopy();
        keepOnly(contract, TOP);
        eachObject(contract.get("entities"), entity -> {
            keepOnly(entity, ENTITY);
            eachObject(entity.get("fields"), field -> {
                keepOnly(field, FIELD);
            });
        });
        JsonNode events = contract.get("events");
        if (events instanceof ObjectNode eventsObject) {
            keepOnly(eventsObject, Set.of("publishes"));
            eachObject(eventsObject.get("publishes"), event -> keepOnly(event, EVENT));
            if (eventsObject.isEmpty()) {
                contract.remove("events");
            }
        }
        try {
            return "# Contract of " + manifest.path("module").asText() + " " + manifest.path("version").asText()
                    + ", cut from its published manifest (docs/module-teams.md)\n" + YAML_WRITER.writeValueAsString(contract);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a contract", e);
        }
    }

    private static void keepOnly(ObjectNode node, Set<String> keys) {
        node.retain(keys);
    }

    private static void eachObject(JsonNode map, java.util.function.Consumer<ObjectNode> action) {
        if (map == null || !map.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
            if (it.next().getValue() instanceof ObjectNode object) {
                action.accept(object);
            }
        }
    }
}
