package io.prmos.cli.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.prmos.metadata.load.LoadedManifest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON Schemas of the events the module set publishes, by type ({@code module.Event}), to check emitted events. */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Map<String, Schema> byType = new HashMap<>();

    public EventSchemas(List<LoadedManifest> manifests) {
        for (LoadedManifest m : manifests) {
            m.manifest().events().publishes().values().forEach(e -> byType.put(m.manifest().module() + "." + e.name(),
                    REGISTRY.getSchema(e.schema())));
        }
    }

    public boolean declares(String type) {
        return byType.containsKey(type);
    }

    /** Empty when the event's data matches its declared schema (or the type declares none: record events). */
    public Optional<String> violation(JsonNode envelope) {
        Schema schema = byType.get(envelope.path("type").asText());
        if (schema == null) {
            return Optional.empty();
        }
        var errors = schema.validate(envelope.path("data"));
        return errors.isEmpty() ? Optional.empty() : Optional.of("emitted " + envelope.path("type").asText()
                + " does not match its schema: " + String.join("; ", errors.stream().map(Object::toString).toList())
                + " (data " + JsonMatch.show(envelope.path("data")) + ")");
    }
}
