package io.prmos.engine.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prmos.engine.security.PermissionOracle.Op;
import io.prmos.engine.security.RecordKinds.Kind;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.model.FieldType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the matrix cases share: the oracle, the record kinds, records made once for read-only
 * cases, and the expected status of an operation on a kind of record, computed from the manifests
 * and from the record the oracle predicts (defaults, overrides and created_by), not from the engine.
 */
final class MatrixContext {

    private static final ObjectMapper JSON = new ObjectMapper();

    final PermissionOracle oracle;
    final RecordKinds kinds;
    final TestUser alice;
    private final Map<String, JsonNode> shared = new HashMap<>();

    MatrixContext(PermissionOracle oracle, TestUser alice) {
        this.oracle = oracle;
        this.alice = alice;
        this.kinds = new RecordKinds(oracle, alice);
    }

    /** One record of the kind for cases that only read it. */
    JsonNode shared(EntityDescriptor entity, Kind kind) {
        return shared.computeIfAbsent(entity.qualifiedName() + "/" + kind, k -> kinds.make(entity, kind));
    }

    /** The record the oracle expects a kind to produce: defaults, then overrides, and who created it. */
    ObjectNode predicted(EntityDescriptor entity, Kind kind) {
        ObjectNode record = JSON.createObjectNode();
        for (FieldDescriptor field : entity.fields()) {
            field.def().defaultValue().ifPresent(v -> record.set(field.name(), v));
        }
        kind.overrides().forEach((name, value) -> record.set(name, JSON.valueToTree(value)));
        record.put("created_by", kind.creator().subject());
        return record;
    }

    boolean inScope(TestUser user, EntityDescriptor entity, Op op, Kind kind) {
        return ScopeOracle.inScope(oracle.scopes(user.roles(), entity, op), predicted(entity, kind), user);
    }

    /** Status of an operation on one record: success, 403 (not granted or readable but out of scope), 404 (not readable), 401. */
    int expected(TestUser user, EntityDescriptor entity, Op op, Kind kind, int success) {
        if (user.anonymous()) {
            return 401;
        }
        if (!oracle.allowed(user.roles(), entity, op)) {
            return 403;
        }
        if (inScope(user, entity, op, kind)) {
            return success;
        }
        return op != Op.READ && inScope(user, entity, Op.READ, kind) ? 403 : 404;
    }

    /** Status of an operation without a record (create, bulk create). */
    int expected(TestUser user, EntityDescriptor entity, int success, Op... ops) {
        if (user.anonymous()) {
            return 401;
        }
        for (Op op : ops) {
            if (!oracle.allowed(user.roles(), entity, op)) {
                return 403;
            }
        }
        return success;
    }

    /** A field the user may set in an update (a text one if there is one); alice's for users who may not update. */
    FieldDescriptor updateField(TestUser user, EntityDescriptor entity) {
        TestUser writer = !user.anonymous() && oracle.allowed(user.roles(), entity, Op.UPDATE) ? user : alice;
        List<FieldDescriptor> writable = entity.fields().stream()
                .filter(f -> oracle.writable(writer.roles(), entity, f, Op.UPDATE)).toList();
        Optional<FieldDescriptor> text = writable.stream().filter(f -> f.type() instanceof FieldType.Text).findFirst();
        return text.or(() -> writable.stream().findFirst())
                .orElseThrow(() -> new IllegalStateException(writer.label() + " may update no field of " + entity));
    }

    /** Setup acts as alice, so her roles must grant everything on every entity. */
    void requireFullRightsForSetup() {
        for (EntityDescriptor entity : oracle.catalog().entities()) {
            for (Op op : Op.values()) {
                if (oracle.scopes(alice.roles(), entity, op).stream().noneMatch(s -> s instanceof io.prmos.metadata.model.RecordScope.All)) {
                    throw new IllegalStateException("setup needs alice to have " + op + " on all of " + entity);
                }
            }
        }
    }
}
