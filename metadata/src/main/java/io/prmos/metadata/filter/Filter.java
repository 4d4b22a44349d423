package io.prmos.metadata.filter;

import java.util.List;

/**
 * A parsed filter expression: the typed tree the API's {@code filter=} parameter (and, later,
 * record-level permission rules) become. It names fields but carries no SQL; the store renders it
 * with quoted identifiers and bound values.
 */
public sealed interface Filter {

    record And(List<Filter> operands) implements Filter {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<Filter> operands) implements Filter {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Filter operand) implements Filter {
    }

    /** {@code field op value} for eq, ne, lt, lte, gt, gte, contains, startsWith. */
    record Comparison(FieldPath field, Operator operator, Literal value) implements Filter {
    }

    /** {@code field in (a, b)} or, negated, {@code field nin (a, b)}. */
    record InList(FieldPath field, boolean negated, List<Literal> values) implements Filter {
        public InList {
            values = List.copyOf(values);
        }
    }

    /** {@code field isNull} / {@code field isNull true} / {@code field isNull false}. */
    record IsNull(FieldPath field, boolean expectNull) implements Filter {
    }

    enum Operator {
        EQ("eq"), NE("ne"), LT("lt"), LTE("lte"), GT("gt"), GTE("gte"),
        CONTAINS("contains"), STARTS_WITH("startsWith");

        private final String keyword;

        Operator(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }
}
