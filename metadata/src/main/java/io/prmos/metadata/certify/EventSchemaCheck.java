package io.prmos.metadata.certify;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.load.LoadedManifest;
import io.prmos.metadata.load.Pointer;
import io.prmos.metadata.model.EventsDef;
import java.util.ArrayList;
import java.util.List;

/**
 * Every published event has a schema that describes its payload: an object whose required members
 * are all declared under {@code properties}. (The manifest format already demands a schema; this
 * asks that it say something.) The scenarios' emitted events are checked against these schemas by
 * the CLI and added to the same result.
 */
final class EventSchemaCheck {

    private EventSchemaCheck() {
    }

    static CheckResult run(LoadedManifest loaded) {
        List<Finding> findings = new ArrayList<>();
        var published = loaded.manifest().events().publishes();
        for (EventsDef.Published event : published.values()) {
            String at = Locations.at(loaded, Pointer.of("events", "publishes", event.name(), "schema"));
            JsonNode schema = event.schema();
            String name = loaded.manifest().module() + "." + event.name();
            if (!"object".equals(schema.path("type").asText())) {
                findings.add(Finding.fail(at, "the schema of " + name + " does not say type: object"));
            }
            JsonNode properties = schema.path("properties");
            if (!properties.isObject() || properties.isEmpty()) {
                findings.add(Finding.fail(at, "the schema of " + name + " declares no properties"));
            }
            for (JsonNode required : schema.path("required")) {
                if (!properties.has(required.asText())) {
                    findings.add(Finding.fail(at, "the schema of " + name + " requires '" + required.asText()
                            + "' but does not declare it under properties"));
                }
            }
            if (event.description() == null || event.description().isBlank()) {
                findings.add(Finding.warn(at, name + " has no description"));
            }
        }
        String summary = published.isEmpty() ? "the module publishes no custom events (record events need no schema)"
                : published.size() + " published event(s) checked";
        return CheckResult.of(CheckIds.EVENTS, CheckIds.title(CheckIds.EVENTS), summary, findings);
    }
}
