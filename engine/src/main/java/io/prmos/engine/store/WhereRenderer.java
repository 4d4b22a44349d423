package io.prmos.engine.store;

import static io.prmos.engine.sql.SqlIdentifier.quote;

import io.prmos.engine.query.BoundFilter;
import io.prmos.engine.query.SortColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Renders bound filters and keyset positions into SQL predicates; every value becomes a parameter. */
final class WhereRenderer {

    private WhereRenderer() {
    }

    static String render(BoundFilter filter, Params params) {
        return render(filter, params, Columns.PLAIN);
    }

    static String render(BoundFilter filter, Params params, Columns columns) {
        if (filter instanceof BoundFilter.And and) {
            return and.operands().stream().map(f -> render(f, params, columns)).collect(Collectors.joining(" AND ", "(", ")"));
        }
        if (filter instanceof BoundFilter.Or or) {
            return or.operands().stream().map(f -> render(f, params, columns)).collect(Collectors.joining(" OR ", "(", ")"));
        }
        if (filter instanceof BoundFilter.Not not) {
            return "NOT " + render(not.operand(), params, columns);
        }
        if (filter instanceof BoundFilter.IsNull n) {
            String column = columns.sql(n.column());
            if (n.array()) {
                return n.expectNull() ? "(" + column + " IS NULL OR cardinality(" + column + ") = 0)"
                        : "(cardinality(" + column + ") > 0)";
            }
            return column + (n.expectNull() ? " IS NULL" : " IS NOT NULL");
        }
        if (filter instanceof BoundFilter.In in) {
            return in(in, params, columns);
        }
        return compare((BoundFilter.Compare) filter, params, columns);
    }

    private static String in(BoundFilter.In in, Params params, Columns columns) {
        String column = columns.sql(in.column());
        String array = params.add(BindValues.array(in.values().stream().map(v -> columns.comparable(in.column(), v)).toList()));
        if (in.array()) {
            String overlap = "coalesce(" + column + ", '{}') && " + array;
            return in.negated() ? "NOT (" + overlap + ")" : "(" + overlap + ")";
        }
        return in.negated() ? "(" + column + " IS NULL OR NOT (" + column + " = ANY(" + array + ")))"
                : column + " = ANY(" + array + ")";
    }

    private static String compare(BoundFilter.Compare c, Params params, Columns columns) {
        String column = columns.sql(c.column());
        if (c.array()) {
            String member = params.add(c.value()) + " = ANY(coalesce(" + column + ", '{}'))";
            return c.operator() == io.prmos.metadata.filter.Filter.Operator.NE ? "NOT (" + member + ")" : "(" + member + ")";
        }
        Object value = columns.comparable(c.column(), c.value());
        return switch (c.operator()) {
            case EQ -> column + " = " + params.add(BindValues.of(value));
            case NE -> column + " IS DISTINCT FROM " + params.add(BindValues.of(value));
            case LT -> column + " < " + params.add(BindValues.of(value));
            case LTE -> column + " <= " + params.add(BindValues.of(value));
            case GT -> column + " > " + params.add(BindValues.of(value));
            case GTE -> column + " >= " + params.add(BindValues.of(value));
            case CONTAINS -> column + " ILIKE " + params.add("%" + escapeLike((String) c.value()) + "%");
            case STARTS_WITH -> column + " ILIKE " + params.add(escapeLike((String) c.value()) + "%");
        };
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * Rows strictly after {@code values} in the given order. PostgreSQL sorts NULLs last ascending
     * and first descending, so a NULL position is handled explicitly per key.
     */
    static String after(List<SortColumn> sort, List<Object> values, Params params) {
        return after(sort, values, params, Columns.PLAIN);
    }

    static String after(List<SortColumn> sort, List<Object> values, Params params, Columns columns) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            if (!sort.get(i).descending() && values.get(i) == null) {
                // nothing sorts after NULL ascending; skip before the equal terms bind parameters that no term would use
                continue;
            }
            List<String> terms = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                terms.add(equal(sort.get(j), values.get(j), params, columns));
            }
            terms.add(beyond(sort.get(i), values.get(i), params, columns));
            alternatives.add("(" + String.join(" AND ", terms) + ")");
        }
        return alternatives.isEmpty() ? "FALSE" : "(" + String.join(" OR ", alternatives) + ")";
    }

    private static String equal(SortColumn key, Object raw, Params params, Columns columns) {
        String column = columns.sql(key.column());
        Object value = raw == null ? null : columns.comparable(key.column(), raw);
        return value == null ? column + " IS NULL" : column + " = " + params.add(BindValues.of(value));
    }

    private static String beyond(SortColumn key, Object raw, Params params, Columns columns) {
        String column = columns.sql(key.column());
        Object value = raw == null ? null : columns.comparable(key.column(), raw);
        if (key.descending()) {
            return value == null ? column + " IS NOT NULL" : column + " < " + params.add(BindValues.of(value));
        }
        return "(" + column + " > " + params.add(BindValues.of(value)) + " OR " + column + " IS NULL)";
    }
}
