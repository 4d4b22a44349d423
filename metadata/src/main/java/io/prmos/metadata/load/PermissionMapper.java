package io.prmos.metadata.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.filter.FilterParser;
import io.prmos.metadata.filter.FilterSyntaxException;
import io.prmos.metadata.model.EntityPermission;
import io.prmos.metadata.model.FieldAccess;
import io.prmos.metadata.model.PermissionSet;
import io.prmos.metadata.model.RecordScope;
import io.prmos.metadata.model.RoleDef;
import io.prmos.metadata.naming.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Maps schema-valid {@code roles} and {@code permissions} to {@link RoleDef} and {@link PermissionSet}.
 * A {@code where} rule is parsed here, once; a rule that does not parse is handed to
 * {@code ruleProblems} (pointer, message) and mapped as {@link RecordScope#NONE}, so the manifest still
 * loads and the problem is reported with the semantic ones.
 */
final class PermissionMapper {

    private final BiConsumer<String, String> ruleProblems;

    PermissionMapper(BiConsumer<String, String> ruleProblems) {
        this.ruleProblems = ruleProblems;
    }

    static Map<String, RoleDef> roles(JsonNode node) {
        Map<String, RoleDef> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), new RoleDef(e.getKey(),
                ManifestMapper.text(e.getValue(), "label").orElse(Names.humanize(e.getKey())),
                ManifestMapper.text(e.getValue(), "description").orElse(null))));
        return Collections.unmodifiableMap(out);
    }

    List<PermissionSet> permissions(JsonNode node) {
        List<PermissionSet> out = new ArrayList<>();
        node.fields().forEachRemaining(role -> {
            List<EntityPermission> entities = new ArrayList<>();
            role.getValue().fields().forEachRemaining(entity -> entities.add(
                    entity(Pointer.of("permissions", role.getKey(), entity.getKey()), entity.getKey(), entity.getValue())));
            out.add(new PermissionSet(role.getKey(), List.copyOf(entities)));
        });
        return List.copyOf(out);
    }

    private EntityPermission entity(String pointer, String entity, JsonNode node) {
        return new EntityPermission(
                entity,
                scope(pointer, "read", node),
                node.path("create").asBoolean(false),
                scope(pointer, "update", node),
                scope(pointer, "delete", node),
                scope(pointer, "restore", node),
                node.path("bulk").asBoolean(false),
                fields(node.path("fields")));
    }

    private RecordScope scope(String entityPointer, String operation, JsonNode node) {
        JsonNode value = node.get(operation);
        if (value == null) {
            return RecordScope.NONE;
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? RecordScope.ALL : RecordScope.NONE;
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (text.equals("all")) {
                return RecordScope.ALL;
            }
            return text.equals("own") ? RecordScope.OWN : RecordScope.NONE;
        }
        return rule(Pointer.append(Pointer.append(entityPointer, operation), "where"), value.path("where").asText());
    }

    private RecordScope rule(String pointer, String text) {
        try {
            return new RecordScope.Rule(text, FilterParser.parse(text));
        } catch (FilterSyntaxException e) {
            ruleProblems.accept(pointer, "rule does not parse: " + e.reason() + " at position " + e.position()
                    + " of the rule");
            return RecordScope.NONE;
        }
    }

    private static Map<String, FieldAccess> fields(JsonNode node) {
        Map<String, FieldAccess> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(),
                FieldAccess.valueOf(e.getValue().asText().toUpperCase(Locale.ROOT))));
        return Collections.unmodifiableMap(out);
    }
}
