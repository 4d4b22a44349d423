package io.prmos.engine.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.prmos.metadata.filter.Filter;
import io.prmos.metadata.filter.Literal;
import io.prmos.metadata.model.RecordScope;
import java.util.List;

/**
 * Decides, without the engine, whether a record (as JSON) falls in a union of scopes for a user:
 * all, own (created_by = the user's subject) or a rule evaluated here on the record's values. Only
 * the rule forms the samples need are evaluated; any other form fails loudly rather than guessing.
 */
final class ScopeOracle {

    private ScopeOracle() {
    }

    static boolean inScope(List<RecordScope> scopes, JsonNode record, TestUser user) {
        for (RecordScope scope : scopes) {
            if (scope instanceof RecordScope.All) {
                return true;
            }
            if (scope instanceof RecordScope.Own && user.subject().equals(record.path("created_by").asText())) {
                return true;
            }
            if (scope instanceof RecordScope.Rule rule && matches(rule.filter(), record, user)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(Filter filter, JsonNode record, TestUser user) {
        if (filter instanceof Filter.And and) {
            return and.operands().stream().allMatch(f -> matches(f, record, user));
        }
        if (filter instanceof Filter.Or or) {
            return or.operands().stream().anyMatch(f -> matches(f, record, user));
        }
        if (filter instanceof Filter.Not not) {
            return !matches(not.operand(), record, user);
        }
        if (filter instanceof Filter.IsNull isNull) {
            return value(record, isNull.field().field()).isNull() == isNull.expectNull();
        }
        if (filter instanceof Filter.InList in) {
            JsonNode v = value(record, in.field().field());
            boolean found = in.values().stream().anyMatch(l -> equal(v, l, user));
            return !v.isNull() && found != in.negated();
        }
        if (filter instanceof Filter.Comparison c) {
            JsonNode v = value(record, c.field().field());
            if (v.isNull()) {
                return false;
            }
            switch (c.operator()) {
                case EQ:
                    return equal(v, c.value(), user);
                case NE:
                    return !equal(v, c.value(), user);
                default:
                    throw new UnsupportedOperationException("the oracle does not evaluate " + c.operator() + " yet");
            }
        }
        throw new UnsupportedOperationException("the oracle does not evaluate " + filter);
    }

    private static JsonNode value(JsonNode record, String field) {
        if (!record.has(field)) {
            throw new IllegalStateException("record has no field '" + field + "' to evaluate a rule on: " + record);
        }
        return record.get(field);
    }

    private static boolean equal(JsonNode v, Literal literal, TestUser user) {
        if (literal instanceof Literal.Bool b) {
            return v.isBoolean() && v.booleanValue() == b.value();
        }
        if (literal instanceof Literal.Text t) {
            return v.isTextual() && v.textValue().equals(t.value());
        }
        if (literal instanceof Literal.Number n) {
            return v.isNumber() && v.decimalValue().compareTo(n.value()) == 0;
        }
        if (literal instanceof Literal.Variable var) {
            switch (var.path()) {
                case "user.id":
                    return v.asText().equals(user.subject());
                case "user.name":
                    return v.asText().equals(user.name());
                case "user.tenant":
                    return v.asText().equals(user.tenant());
                default:
                    return user.roles().contains(v.asText());
            }
        }
        throw new UnsupportedOperationException("the oracle does not compare with " + literal);
    }
}
