package io.prmos.engine.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tenant's records in every entity, made by its partner manager: two live records (references
 * pointing at the tenant's own records) and one soft-deleted record, kept as they were returned
 * so they can be compared later.
 */
final class TenantRecords {

    final TestUser owner;
    final PermissionOracle oracle;
    final SampleValues samples;
    private final Map<String, List<JsonNode>> live = new HashMap<>();
    private final Map<String, JsonNode> deleted = new HashMap<>();

    private TenantRecords(TestUser owner, PermissionOracle oracle) {
        this.owner = owner;
        this.oracle = oracle;
        this.samples = new SampleValues(oracle, target -> live.get(target.qualifiedName()).get(0).path("id").asText());
    }

    /** Entities are created in dependency order, so every reference finds its target. */
    static TenantRecords create(TestUser owner, PermissionOracle oracle) {
        TenantRecords records = new TenantRecords(owner, oracle);
        for (EntityDescriptor entity : oracle.catalog().entities()) {
            List<JsonNode> made = new ArrayList<>();
            made.add(records.make(entity));
            records.live.put(entity.qualifiedName(), made);
            made.add(records.make(entity));
            String gone = records.make(entity).path("id").asText();
            Http.expectStatus(Http.as(owner).delete(Http.item(entity, gone)), 204, "deleting " + entity);
            records.deleted.put(entity.qualifiedName(), idOnly(gone));
        }
        return records;
    }

    /** A deleted record is known by its id and the version the delete gave it. */
    private static JsonNode idOnly(String id) {
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("id", id).put("version", 2);
    }

    private JsonNode make(EntityDescriptor entity) {
        Map<String, Object> body = new LinkedHashMap<>(samples.minimalBody(entity));
        for (FieldDescriptor field : entity.fields()) {
            if (field.type() instanceof FieldType.Reference && !body.containsKey(field.name()) && live.containsKey(
                    oracle.catalog().target(entity.module(), (FieldType.Reference) field.type()).qualifiedName())) {
                body.put(field.name(), samples.value(entity, field));
            }
        }
        String id = Http.created(entity, owner, body).path("id").asText();
        return Http.get(entity, owner, id);
    }

    List<JsonNode> live(EntityDescriptor entity) {
        return live.get(entity.qualifiedName());
    }

    JsonNode deleted(EntityDescriptor entity) {
        return deleted.get(entity.qualifiedName());
    }

    /** Live ids, then the deleted one. */
    List<String> ids(EntityDescriptor entity) {
        List<String> out = new ArrayList<>();
        live(entity).forEach(r -> out.add(r.path("id").asText()));
        out.add(deleted(entity).path("id").asText());
        return out;
    }
}
