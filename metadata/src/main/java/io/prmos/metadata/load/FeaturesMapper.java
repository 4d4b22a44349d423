package io.prmos.metadata.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.model.EntityFeatures;
import java.time.Duration;
import java.util.Optional;

/**
 * Maps an entity's {@code features}: a list switches the named features on (the others keep their
 * defaults); an object sets each named feature to {@code true}/{@code false}, and {@code softDelete}
 * may be an object {@code {retention: 30d}} (on, with its own retention period).
 */
final class FeaturesMapper {

    private FeaturesMapper() {
    }

    static EntityFeatures map(JsonNode entity) {
        JsonNode node = entity.path("features");
        EntityFeatures d = EntityFeatures.DEFAULTS;
        if (node.isArray()) {
            java.util.List<String> on = ManifestMapper.strings(node);
            return new EntityFeatures(d.audit() || on.contains("audit"), d.activity() || on.contains("activity"),
                    d.softDelete() || on.contains("softDelete"), d.optimisticLock() || on.contains("optimisticLock"),
                    Optional.empty());
        }
        if (!node.isObject()) {
            return d;
        }
        JsonNode softDelete = node.path("softDelete");
        Optional<Duration> retention = softDelete.isObject()
                ? ManifestMapper.text(softDelete, "retention").flatMap(EntityFeatures::parseRetention) : Optional.empty();
        return new EntityFeatures(
                node.path("audit").asBoolean(d.audit()),
                node.path("activity").asBoolean(d.activity()),
                softDelete.isObject() || softDelete.asBoolean(d.softDelete()),
                node.path("optimisticLock").asBoolean(d.optimisticLock()),
                retention);
    }
}
