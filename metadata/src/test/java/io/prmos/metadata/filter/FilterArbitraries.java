package io.prmos.metadata.filter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Generators for the filter properties: valid trees, and texts that are mostly grammar tokens. */
final class FilterArbitraries {

    private static final List<String> FILTER_TOKENS = List.of(
            "a", "b.c", "amount.currency", "x_1", "and", "or", "not", "(", ")", ",", "eq", "ne", "lt", "lte",
            "gt", "gte", "contains", "startsWith", "in", "nin", "isNull", "true", "false", "null", "'x'",
            "'it''s'", "\"q\\\"\"", "$user.id", "$user.roles", "$", "-", "-1.5e3", "0", "12", "1e", "1.", ".",
            "'", "\"", "\\", "AND", "Or", "EQ", "A", "a.b.c", "#", "\u00e9", "\u0000", "\uD83D", "1e999999999999");

    private static final List<String> SORT_TOKENS = List.of(
            "a", "b", "c.d", "-", "+", ",", " ", ".", "A", "x_9", "--", "1", "e\u00e9");

    private FilterArbitraries() {
    }

    /** Random token mixes (almost always rejected) and printed valid trees with one edit (often accepted). */
    static Arbitrary<String> tokenSoup() {
        return Arbitraries.oneOf(soup(FILTER_TOKENS, 60), soup(FILTER_TOKENS, 6), mutatedFilters());
    }

    private static Arbitrary<String> mutatedFilters() {
        Arbitrary<String> printed = filters(2).map(FilterPrinter::print);
        return Combinators.combine(printed, Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 8), Arbitraries.of(FILTER_TOKENS))
                .as((text, edit, at, length, token) -> {
                    int from = (int) (at * text.length());
                    int to = Math.min(text.length(), from + length);
                    return switch (edit) {
                        case 0 -> text;
                        case 1 -> text.substring(0, from) + text.substring(to);
                        case 2 -> text.substring(0, from) + " " + token + " " + text.substring(from);
                        default -> text.substring(0, from) + token + text.substring(to);
                    };
                });
    }

    static Arbitrary<String> sortSoup() {
        return soup(SORT_TOKENS, 30);
    }

    private static Arbitrary<String> soup(List<String> tokens, int maxTokens) {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of(tokens),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(3));
        Arbitrary<String> separator = Arbitraries.of("", " ", "  ", "\t");
        return Combinators.combine(token, separator).as(String::concat)
                .list().ofMaxSize(maxTokens)
                .map(parts -> String.join("", parts));
    }

    static Arbitrary<Filter> filters(int depth) {
        if (depth == 0) {
            return predicates();
        }
        Arbitrary<Filter> inner = Arbitraries.lazy(() -> filters(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(3, predicates()),
                Tuple.of(1, inner.map(Filter.Not::new)),
                Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(Filter.And::new)),
                Tuple.of(2, inner.list().ofMinSize(2).ofMaxSize(3).map(Filter.Or::new)));
    }

    static Arbitrary<Filter> predicates() {
        Arbitrary<Filter> comparison = Combinators.combine(paths(), Arbitraries.of(Filter.Operator.class), literals())
                .as(Filter.Comparison::new);
        Arbitrary<Filter> inList = Combinators.combine(paths(), Arbitraries.of(true, false),
                literals().list().ofMinSize(1).ofMaxSize(4)).as(Filter.InList::new);
        Arbitrary<Filter> isNull = Combinators.combine(paths(), Arbitraries.of(true, false)).as(Filter.IsNull::new);
        return Arbitraries.oneOf(comparison, inList, isNull);
    }

    static Arbitrary<FieldPath> paths() {
        return Combinators.combine(names().filter(n -> !List.of("and", "or", "not").contains(n)),
                names().optional()).as(FieldPath::new);
    }

    static Arbitrary<String> names() {
        Arbitrary<String> rest = Arbitraries.strings().withChars("abcxyz019_").ofMaxLength(62);
        return Combinators.combine(Arbitraries.chars().range('a', 'z'), rest).as((first, tail) -> first + tail);
    }

    static Arbitrary<Literal> literals() {
        Arbitrary<Literal> text = Arbitraries.strings().ofMaxLength(20).map(Literal.Text::new);
        Arbitrary<Literal> number = Combinators.combine(
                Arbitraries.bigIntegers().between(
                        new BigInteger("-99999999999999999999"), new BigInteger("99999999999999999999")),
                Arbitraries.integers().between(-30, 30))
                .as((unscaled, scale) -> new Literal.Number(new BigDecimal(unscaled, scale)));
        Arbitrary<Literal> variable = names().list().ofMinSize(1).ofMaxSize(3)
                .map(segments -> new Literal.Variable(String.join(".", segments)));
        Arbitrary<Literal> constant = Arbitraries.of(new Literal.Bool(true), new Literal.Bool(false), new Literal.Null());
        return Arbitraries.oneOf(text, number, variable, constant);
    }
}
