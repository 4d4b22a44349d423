package io.prmos.engine.query;

import io.prmos.engine.validation.ValueParser;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.filter.Filter;
import io.prmos.metadata.filter.Literal;
import io.prmos.metadata.model.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Binds a record-level permission rule (written in the filter language, checked when the manifest
 * was published) for one principal: {@code $user.*} variables become values. Unlike API filters,
 * rules may use any field, because they are the kernel's own.
 */
public final class RuleBinder {

    /** The values rule variables stand for. */
    public record Principal(String id, String name, String tenant, Set<String> roles) {
    }

    /** id is never null: these render as constant predicates without any value. */
    private static final BoundFilter NEVER = new BoundFilter.IsNull("id", true, false);
    private static final BoundFilter ALWAYS = new BoundFilter.IsNull("id", false, false);

    private RuleBinder() {
    }

    public static BoundFilter bind(EntityDescriptor entity, Filter rule, Principal principal) {
        if (rule instanceof Filter.And and) {
            return new BoundFilter.And(and.operands().stream().map(f -> bind(entity, f, principal)).toList());
        }
        if (rule instanceof Filter.Or or) {
            return new BoundFilter.Or(or.operands().stream().map(f -> bind(entity, f, principal)).toList());
        }
        if (rule instanceof Filter.Not not) {
            return new BoundFilter.Not(bind(entity, not.operand(), principal));
        }
        if (rule instanceof Filter.IsNull n) {
            FilterBinder.Target t = target(entity, n.field());
            return new BoundFilter.IsNull(t.column(), n.expectNull(), t.array());
        }
        if (rule instanceof Filter.InList in) {
            FilterBinder.Target t = target(entity, in.field());
            List<Object> values = new ArrayList<>();
            for (Literal literal : in.values()) {
                if (literal instanceof Literal.Variable v && v.path().equals("user.roles")) {
                    values.addAll(principal.roles());
                } else {
                    values.add(value(t, literal, principal));
                }
            }
            values.removeIf(java.util.Objects::isNull);
            if (values.isEmpty()) {
                return in.negated() ? ALWAYS : NEVER;
            }
            return new BoundFilter.In(t.column(), in.negated(), values, t.array());
        }
        Filter.Comparison c = (Filter.Comparison) rule;
        FilterBinder.Target t = target(entity, c.field());
        Object value = value(t, c.value(), principal);
        if (value == null) {
            // a principal value that cannot have the field's type matches no row
            return c.operator() == Filter.Operator.NE ? ALWAYS : NEVER;
        }
        return new BoundFilter.Compare(t.column(), c.operator(), value, t.array());
    }

    private static FilterBinder.Target target(EntityDescriptor entity, io.prmos.metadata.filter.FieldPath path) {
        FieldDescriptor field = SystemFields.lookup(entity, path.field())
                .orElseThrow(() -> new IllegalStateException("rule names unknown field " + path + " of " + entity));
        return FilterBinder.resolve(field, path, "rule");
    }

    private static Object value(FilterBinder.Target t, Literal literal, Principal principal) {
        if (literal instanceof Literal.Variable v) {
            String text = switch (v.path()) {
                case "user.id" -> principal.id();
                case "user.name" -> principal.name();
                case "user.tenant" -> principal.tenant();
                default -> throw new IllegalStateException("unsupported rule variable $" + v.path());
            };
            return parsed(t.valueType(), text);
        }
        return FilterBinder.value(t, literal);
    }

    private static Object parsed(FieldType type, String text) {
        ValueParser.Parsed parsed = ValueParser.parseText(type, text);
        return parsed.failed() ? null : parsed.value();
    }
}
