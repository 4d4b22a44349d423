package io.prmos.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.metadata.catalog.Dependents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code GET /api/admin/modules/{name}/dependents}: one entry per dependent module with
 * its {@code references}, {@code links} and (once events land) {@code subscriptions}.
 */
final class DependentsView {

    private DependentsView() {
    }

    static JsonNode of(String module, List<Dependents.Dependency> dependencies) {
        Map<String, ObjectNode> byModule = new LinkedHashMap<>();
        for (Dependents.Dependency d : dependencies) {
            ObjectNode entry = byModule.computeIfAbsent(d.module(), m -> {
                ObjectNode node = JsonNodeFactory.instance.objectNode().put("module", m);
                node.putArray("references");
                node.putArray("links");
                node.putArray("subscriptions");
                return node;
            });
            ((ArrayNode) entry.get(d.kind().equals("link") ? "links" : "references")).addObject()
                    .put("source", d.source()).put("target", d.target());
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("module", module);
        out.putArray("dependents").addAll(byModule.values());
        return out;
    }
}
