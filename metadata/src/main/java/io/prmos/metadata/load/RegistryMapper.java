package io.prmos.metadata.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.model.EntityOptions;
import io.prmos.metadata.model.LinkTypeDef;
import io.prmos.metadata.naming.Names;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Maps the entity registry keys: entity options (summary, publicId, locking, search language) and link types. */
final class RegistryMapper {

    private RegistryMapper() {
    }

    static EntityOptions options(JsonNode entity) {
        Optional<EntityOptions.PublicIdDef> publicId = Optional.empty();
        JsonNode id = entity.get("publicId");
        if (id != null && id.isObject()) {
            publicId = Optional.of(new EntityOptions.PublicIdDef(id.path("prefix").asText(), id.path("digits").asInt(6)));
        }
        return new EntityOptions(
                ManifestMapper.strings(entity.path("summary")),
                publicId,
                FeaturesMapper.map(entity).optimisticLock(),
                entity.path("requireIfMatch").asBoolean(false),
                ManifestMapper.text(entity, "searchLanguage").orElse(EntityOptions.DEFAULT_SEARCH_LANGUAGE));
    }

    static Map<String, LinkTypeDef> links(JsonNode node) {
        Map<String, LinkTypeDef> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode link = e.getValue();
            String label = ManifestMapper.text(link, "label").orElse(Names.humanize(e.getKey()));
            out.put(e.getKey(), new LinkTypeDef(e.getKey(), link.path("from").asText(), link.path("to").asText(), label,
                    ManifestMapper.text(link, "inverseLabel").orElse(label),
                    ManifestMapper.text(link, "description").orElse(null)));
        });
        return Collections.unmodifiableMap(out);
    }
}
