package io.prmos.engine.query;

import io.prmos.metadata.filter.Filter;
import java.util.List;

/**
 * A filter checked against an entity: fields resolved to columns, literals converted to typed
 * values. Still no SQL; {@code store} renders it with bound parameters.
 */
public sealed interface BoundFilter {

    record And(List<BoundFilter> operands) implements BoundFilter {
    }

    record Or(List<BoundFilter> operands) implements BoundFilter {
    }

    record Not(BoundFilter operand) implements BoundFilter {
    }

    /** {@code column op value}; {@code array} marks a multi-value column where eq means "contains". */
    record Compare(String column, Filter.Operator operator, Object value, boolean array) implements BoundFilter {
    }

    record In(String column, boolean negated, List<Object> values, boolean array) implements BoundFilter {
    }

    record IsNull(String column, boolean expectNull, boolean array) implements BoundFilter {
    }
}
