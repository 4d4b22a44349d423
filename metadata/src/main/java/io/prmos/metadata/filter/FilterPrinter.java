package io.prmos.metadata.filter;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Prints a {@link Filter} as canonical filter text: single spaces, single-quoted strings, and
 * parentheses only where the tree needs them. For every tree {@link FilterParser} can produce,
 * {@code FilterParser.parse(print(tree))} equals {@code tree}.
 */
public final class FilterPrinter {

    private FilterPrinter() {
    }

    /**
     * @throws IllegalArgumentException for a tree no filter text can denote: an And or Or with
     *     fewer than two operands, or an in-list without values
     */
    public static String print(Filter filter) {
        Objects.requireNonNull(filter, "filter");
        if (filter instanceof Filter.Or or) {
            return junction(or.operands(), " or ", Filter.Or.class);
        }
        if (filter instanceof Filter.And and) {
            return junction(and.operands(), " and ", Filter.And.class);
        }
        if (filter instanceof Filter.Not not) {
            Filter operand = not.operand();
            boolean group = operand instanceof Filter.And || operand instanceof Filter.Or;
            return "not " + (group ? "(" + print(operand) + ")" : print(operand));
        }
        return predicate(filter);
    }

    public static String print(Literal literal) {
        if (literal instanceof Literal.Text text) {
            return "'" + text.value().replace("'", "''") + "'";
        }
        if (literal instanceof Literal.Number number) {
            return number.value().toString();
        }
        if (literal instanceof Literal.Bool bool) {
            return String.valueOf(bool.value());
        }
        if (literal instanceof Literal.Variable variable) {
            return "$" + variable.path();
        }
        return "null";
    }

    /**
     * An operand of the same kind is bracketed so the parser does not merge it into the chain; an
     * Or inside an And is bracketed because and binds tighter.
     */
    private static String junction(List<Filter> operands, String connective, Class<? extends Filter> kind) {
        if (operands.size() < 2) {
            throw new IllegalArgumentException(kind.getSimpleName() + " needs at least two operands to be printed");
        }
        return operands.stream()
                .map(operand -> operand instanceof Filter.Or || kind.isInstance(operand)
                        ? "(" + print(operand) + ")"
                        : print(operand))
                .collect(Collectors.joining(connective));
    }

    private static String predicate(Filter filter) {
        if (filter instanceof Filter.Comparison comparison) {
            return comparison.field() + " " + comparison.operator().keyword() + " " + print(comparison.value());
        }
        if (filter instanceof Filter.InList in) {
            if (in.values().isEmpty()) {
                throw new IllegalArgumentException("an in-list needs at least one value to be printed");
            }
            String values = in.values().stream().map(FilterPrinter::print).collect(Collectors.joining(", "));
            return in.field() + (in.negated() ? " nin (" : " in (") + values + ")";
        }
        Filter.IsNull isNull = (Filter.IsNull) filter;
        return isNull.field() + (isNull.expectNull() ? " isNull" : " isNull false");
    }
}
