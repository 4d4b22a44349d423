package io.prmos.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.query.Urn;
import io.prmos.metadata.catalog.Catalog;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code ?expand=partner,customer}: replaces each named reference's uuid with
 * {@code {id, urn, found, display, link}} for a page of records, reading each referenced entity
 * once for the whole page. A target the caller cannot read shows {@code found: false}.
 */
final class Expansions {

    private Expansions() {
    }

    /** The reference fields named by {@code expand} (visible to the caller), or a 400 problem. */
    static List<FieldDescriptor> parse(EntityDescriptor entity, Set<String> visible, String expand) {
        List<FieldDescriptor> fields = new ArrayList<>();
        if (expand == null || expand.isBlank()) {
            return fields;
        }
        for (String name : expand.split(",")) {
            String trimmed = name.strip();
            FieldDescriptor field = entity.field(trimmed).filter(f -> visible.contains(f.name())).orElse(null);
            if (field == null || !(field.type() instanceof FieldType.Reference)) {
                throw ApiProblem.badRequest("invalid-expand", "expand names '" + trimmed + "', which is not a reference field of "
                        + entity.qualifiedName());
            }
            if (!fields.contains(field)) {
                fields.add(field);
            }
        }
        return fields;
    }

    static Uni<List<ObjectNode>> apply(EntityReads reads, Catalog catalog, EntityDescriptor entity, List<FieldDescriptor> fields,
                                       List<ObjectNode> records) {
        if (fields.isEmpty() || records.isEmpty()) {
            return Uni.createFrom().item(records);
        }
        Map<String, Urn> wanted = new LinkedHashMap<>();
        Map<FieldDescriptor, EntityDescriptor> targets = new LinkedHashMap<>();
        for (FieldDescriptor field : fields) {
            EntityDescriptor target = catalog.target(entity.module(), (FieldType.Reference) field.type());
            targets.put(field, target);
            for (ObjectNode record : records) {
                JsonNode value = record.get(field.name());
                if (value != null && value.isTextual()) {
                    Urn urn = new Urn(target.module(), target.path(), UUID.fromString(value.asText()));
                    wanted.put(urn.toString(), urn);
                }
            }
        }
        return reads.read(wanted.values()).map(found -> {
            for (ObjectNode record : records) {
                for (Map.Entry<FieldDescriptor, EntityDescriptor> target : targets.entrySet()) {
                    JsonNode value = record.get(target.getKey().name());
                    if (value == null || !value.isTextual()) {
                        continue;
                    }
                    Urn urn = new Urn(target.getValue().module(), target.getValue().path(), UUID.fromString(value.asText()));
                    EntityReads.Found hit = found.get(urn.toString());
                    record.set(target.getKey().name(), hit == null ? EntityReads.notFound(urn) : hit.reference(catalog));
                }
            }
            return records;
        });
    }
}
