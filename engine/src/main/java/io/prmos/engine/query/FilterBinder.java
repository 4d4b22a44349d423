package io.prmos.engine.query;

import io.prmos.engine.validation.ValueParser;
import io.prmos.metadata.catalog.EntityDescriptor;
import io.prmos.metadata.catalog.FieldDescriptor;
import io.prmos.metadata.filter.FieldPath;
import io.prmos.metadata.filter.Filter;
import io.prmos.metadata.filter.Literal;
import io.prmos.metadata.model.FieldType;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a parsed filter to an entity: only filterable fields, operators that make sense for the
 * field's type, literals converted with the same parser as request bodies.
 */
public final class FilterBinder {

    private static final String PARAM = "filter";

    private FilterBinder() {
    }

    public static BoundFilter bind(EntityDescriptor entity, Filter filter, java.util.Set<String> visible) {
        if (filter instanceof Filter.And and) {
            return new BoundFilter.And(and.operands().stream().map(f -> bind(entity, f, visible)).toList());
        }
        if (filter instanceof Filter.Or or) {
            return new BoundFilter.Or(or.operands().stream().map(f -> bind(entity, f, visible)).toList());
        }
        if (filter instanceof Filter.Not not) {
            return new BoundFilter.Not(bind(entity, not.operand(), visible));
        }
        if (filter instanceof Filter.IsNull isNull) {
            Target target = target(entity, isNull.field(), visible);
            return new BoundFilter.IsNull(target.column, isNull.expectNull(), target.array);
        }
        if (filter instanceof Filter.InList in) {
            Target target = target(entity, in.field(), visible);
            List<Object> values = new ArrayList<>();
            for (Literal literal : in.values()) {
                values.add(value(target, literal));
            }
            return new BoundFilter.In(target.column, in.negated(), values, target.array);
        }
        Filter.Comparison c = (Filter.Comparison) filter;
        Target target = target(entity, c.field(), visible);
        checkOperator(target, c.operator());
        if (c.value() instanceof Literal.Null) {
            throw new QueryException(PARAM, "use '" + c.field() + " isNull' instead of comparing with null");
        }
        return new BoundFilter.Compare(target.column, c.operator(), value(target, c.value()), target.array);
    }

    /** A resolved field: its column and the type of the values compared with it. */
    record Target(String path, String column, FieldType valueType, boolean array) {
    }

    static Target target(EntityDescriptor entity, FieldPath path, java.util.Set<String> visible) {
        FieldDescriptor field = SystemFields.lookupVisible(entity, path.field(), visible)
                .orElseThrow(() -> new QueryException(PARAM, "unknown field '" + path.field() + "' of " + entity.qualifiedName()));
        if (!field.def().filterable()) {
            throw new QueryException(PARAM, "field '" + path.field() + "' is not filterable");
        }
        return resolve(field, path, PARAM);
    }

    static Target resolve(FieldDescriptor field, FieldPath path, String param) {
        if (field.type() instanceof FieldType.Money money) {
            String part = path.part().orElse("amount");
            if (part.equals("amount")) {
                return new Target(path.toString(), field.columns().get(0), new FieldType.DecimalType(money.precision(), money.scale()), false);
            }
            if (part.equals("currency")) {
                return new Target(path.toString(), field.columns().get(1), new FieldType.Text(3), false);
            }
            throw new QueryException(param, "money field '" + field.name() + "' has parts amount and currency, not '" + part + "'");
        }
        if (path.part().isPresent()) {
            throw new QueryException(param, "field '" + field.name() + "' has no part '" + path.part().get() + "'");
        }
        if (field.type() instanceof FieldType.Json) {
            throw new QueryException(param, "json field '" + field.name() + "' cannot be filtered or sorted");
        }
        boolean array = field.type() instanceof FieldType.MultiDictionary;
        FieldType valueType = array ? new FieldType.Text(63) : field.type();
        return new Target(path.toString(), field.column(), valueType, array);
    }

    private static void checkOperator(Target target, Filter.Operator operator) {
        boolean textual = target.valueType instanceof FieldType.Text || target.valueType instanceof FieldType.LongText
                || target.valueType instanceof FieldType.Email || target.valueType instanceof FieldType.Url
                || target.valueType instanceof FieldType.Phone;
        boolean ordered = !(target.valueType instanceof FieldType.BooleanType || target.valueType instanceof FieldType.Dictionary
                || target.valueType instanceof FieldType.Reference || target.valueType instanceof FieldType.UuidType || target.array);
        boolean ok = switch (operator) {
            case EQ, NE -> true;
            case CONTAINS -> textual || target.array;
            case STARTS_WITH -> textual && !target.array;
            case LT, LTE, GT, GTE -> ordered;
        };
        if (!ok) {
            throw new QueryException(PARAM, "operator '" + operator.keyword() + "' does not apply to '" + target.path
                    + "' (" + target.valueType.name() + (target.array ? " list" : "") + ")");
        }
    }

    static Object value(Target target, Literal literal) {
        String text;
        if (literal instanceof Literal.Text t) {
            text = t.value();
        } else if (literal instanceof Literal.Number n) {
            // not toPlainString: 1e999999999 would expand to a gigabyte of digits; ValueParser bounds the range
            text = n.value().toString();
        } else if (literal instanceof Literal.Bool b) {
            text = Boolean.toString(b.value());
        } else if (literal instanceof Literal.Variable v) {
            throw new QueryException(PARAM, "variables such as $" + v.path() + " are only allowed in permission rules");
        } else {
            throw new QueryException(PARAM, "null is not allowed here; use isNull");
        }
        ValueParser.Parsed parsed = ValueParser.parseText(target.valueType, text);
        if (parsed.failed()) {
            throw new QueryException(PARAM, "value for '" + target.path + "': " + parsed.error());
        }
        return parsed.value();
    }
}
