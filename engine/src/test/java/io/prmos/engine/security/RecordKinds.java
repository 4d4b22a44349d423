package io.prmos.engine.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.filter.Filter;
import io.prmos.metadata.filter.Literal;
import io.prmos.metadata.model.FieldType;
import io.prmos.metadata.model.RecordScope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kinds of record a case runs against, derived from the manifests: alice's plain record, one
 * created by each other user who may create the entity (their "own"), and for every comparison in
 * a where rule a record on each side of it. Each write case makes a fresh record of its kind.
 */
final class RecordKinds {

    /** A record as {@code creator} would make it, with {@code overrides} on top of the minimal body. */
    record Kind(TestUser creator, Map<String, Object> overrides, String tag) {

        String describe(TestUser viewer) {
            String whose = creator.name().equals(viewer.name()) ? "own" : creator.name() + "'s";
            return tag.isEmpty() ? whose : whose + " " + tag;
        }
    }

    private final PermissionOracle oracle;
    private final SampleValues samples;
    private final TestUser alice;
    private final Map<String, String> referenceTargets = new HashMap<>();

    RecordKinds(PermissionOracle oracle, TestUser alice) {
        this.oracle = oracle;
        this.alice = alice;
        this.samples = new SampleValues(oracle, this::referenceTarget);
    }

    SampleValues samples() {
        return samples;
    }

    List<Kind> kinds(EntityDescriptor entity, List<TestUser> users) {
        List<Kind> out = new ArrayList<>();
        out.add(new Kind(alice, Map.of(), ""));
        for (TestUser user : users) {
            if (!user.name().equals(alice.name()) && oracle.allowed(user.roles(), entity, PermissionOracle.Op.CREATE)) {
                out.add(new Kind(user, Map.of(), ""));
            }
        }
        for (RecordScope.Rule rule : oracle.rules(entity)) {
            sides(entity, rule.filter(), out);
        }
        return out;
    }

    /** Creates a fresh record of the kind and returns it as alice sees it (every field). */
    JsonNode make(EntityDescriptor entity, Kind kind) {
        Map<String, Object> body = new LinkedHashMap<>(samples.minimalBody(entity));
        body.putAll(kind.overrides());
        String id = Http.created(entity, kind.creator(), body).path("id").asText();
        return Http.get(entity, alice, id);
    }

    /** A live record of the target entity, made once by alice, for reference fields. */
    private String referenceTarget(EntityDescriptor target) {
        String id = referenceTargets.get(target.qualifiedName());
        if (id == null) {
            id = Http.created(target, alice, samples.minimalBody(target)).path("id").asText();
            referenceTargets.put(target.qualifiedName(), id);
        }
        return id;
    }

    private void sides(EntityDescriptor entity, Filter filter, List<Kind> out) {
        if (filter instanceof Filter.And and) {
            and.operands().forEach(f -> sides(entity, f, out));
        } else if (filter instanceof Filter.Or or) {
            or.operands().forEach(f -> sides(entity, f, out));
        } else if (filter instanceof Filter.Not not) {
            sides(entity, not.operand(), out);
        } else if (filter instanceof Filter.Comparison c && !(c.value() instanceof Literal.Variable)) {
            FieldDescriptor field = entity.field(c.field().field()).orElseThrow();
            Object matching = literal(c.value());
            Object other = other(entity, field, matching);
            out.add(new Kind(alice, Map.of(field.name(), matching), "[" + field.name() + "=" + matching + "]"));
            out.add(new Kind(alice, Map.of(field.name(), other), "[" + field.name() + "=" + other + "]"));
        }
    }

    private static Object literal(Literal literal) {
        if (literal instanceof Literal.Bool b) {
            return b.value();
        }
        if (literal instanceof Literal.Text t) {
            return t.value();
        }
        if (literal instanceof Literal.Number n) {
            return n.value();
        }
        throw new UnsupportedOperationException("no record kinds for a rule comparing with " + literal);
    }

    private Object other(EntityDescriptor entity, FieldDescriptor field, Object value) {
        if (value instanceof Boolean b) {
            return !b;
        }
        if (field.type() instanceof FieldType.Dictionary) {
            return samples.otherCode(entity, field, (String) value);
        }
        if (value instanceof String s) {
            return s + "x";
        }
        return ((java.math.BigDecimal) value).add(java.math.BigDecimal.ONE);
    }
}
