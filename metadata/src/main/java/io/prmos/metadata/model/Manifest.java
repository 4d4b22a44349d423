package io.prmos.metadata.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A module manifest after schema validation. Sections that later capabilities give behaviour to
 * (permissions, events, hooks, agents) are kept as validated JSON until their own model lands.
 */
public record Manifest(
        String apiVersion,
        String module,
        SemVer version,
        String title,
        String description,
        Map<String, String> requires,
        Map<String, DictionaryDef> dictionaries,
        Map<String, EntityDef> entities,
        Optional<Navigation> navigation,
        Optional<JsonNode> permissions,
        Optional<JsonNode> events,
        Optional<JsonNode> hooks,
        Optional<JsonNode> agents) {
}
