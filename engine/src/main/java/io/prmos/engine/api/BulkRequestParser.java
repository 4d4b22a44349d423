package io.prmos.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.engine.store.BulkOperation;
import io.prmos.engine.store.BulkWriter;
import io.prmos.engine.validation.RecordValidator;
import io.prmos.engine.validation.ValidationException;
import io.prmos.engine.validation.Violation;
import io.prmos.engine.validation.WriteMode;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Reads {@code {"operations": [{"op": "create", "data": {...}}, {"op": "update", "id": "...",
 * "ifMatch": 3, "data": {...}}]}} and validates every item, reporting all violations of all items
 * together, each pointing into the request.
 */
final class BulkRequestParser {

    /** The fields the caller may know and write, for creates and for updates. */
    record Permitted(Set<String> createKnown, Set<String> createWritable, Set<String> updateKnown, Set<String> updateWritable) {
    }

    private BulkRequestParser() {
    }

    static boolean hasOperation(JsonNode body, String op) {
        for (JsonNode item : body.path("operations")) {
            if (op.equals(item.path("op").asText())) {
                return true;
            }
        }
        return false;
    }

    static List<BulkOperation> parse(RecordValidator validator, ModuleDescriptor module, EntityDescriptor entity, JsonNode body,
                                     Permitted permitted) {
        JsonNode items = body.path("operations");
        if (!body.isObject() || !items.isArray() || body.size() != 1) {
            throw invalid("/operations", "expected {\"operations\": [ ... ]}");
        }
        if (items.isEmpty() || items.size() > BulkWriter.MAX_OPERATIONS) {
            throw invalid("/operations", "expected 1 to " + BulkWriter.MAX_OPERATIONS + " operations, got " + items.size());
        }
        List<Violation> violations = new ArrayList<>();
        List<BulkOperation> operations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                operations.add(operation(validator, module, entity, items.get(i), i, permitted));
            } catch (ValidationException e) {
                violations.addAll(e.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return operations;
    }

    private static BulkOperation operation(RecordValidator validator, ModuleDescriptor module, EntityDescriptor entity,
                                           JsonNode item, int index, Permitted permitted) {
        String at = "/operations/" + index;
        String op = item.path("op").asText("");
        if (!op.equals("create") && !op.equals("update")) {
            throw invalid(at + "/op", "expected \"create\" or \"update\"");
        }
        for (var names = item.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!List.of("op", "id", "ifMatch", "data").contains(name)) {
                throw invalid(at + "/" + name, "unknown key; an operation has op, id, ifMatch and data");
            }
        }
        boolean create = op.equals("create");
        Optional<UUID> id = create ? Optional.empty() : Optional.of(id(item.path("id"), at + "/id"));
        OptionalLong ifMatch = item.has("ifMatch") && !create ? OptionalLong.of(version(item.get("ifMatch"), at + "/ifMatch"))
                : OptionalLong.empty();
        var values = validator.validate(module, entity, item.get("data"), create ? WriteMode.CREATE : WriteMode.PATCH, at + "/data",
                create ? permitted.createKnown() : permitted.updateKnown(),
                create ? permitted.createWritable() : permitted.updateWritable());
        return new BulkOperation(index, id, ifMatch, values);
    }

    private static UUID id(JsonNode node, String pointer) {
        try {
            if (node.isTextual() && node.textValue().length() == 36) {
                return UUID.fromString(node.textValue());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw invalid(pointer, "an update needs the id (uuid) of the record");
    }

    private static long version(JsonNode node, String pointer) {
        if (node.canConvertToExactIntegral() && node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.textValue().replace("\"", ""));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw invalid(pointer, "expected the record's version (its ETag)");
    }

    private static ValidationException invalid(String pointer, String message) {
        return new ValidationException(List.of(new Violation(pointer, "invalid", message)));
    }
}
