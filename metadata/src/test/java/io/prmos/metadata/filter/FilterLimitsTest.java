package io.prmos.metadata.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FilterLimitsTest {

    private static final Filter A = FilterParserTest.eq("a", 1);

    @Test
    void thirtyTwoNestedParenthesesAreAccepted() {
        assertEquals(A, FilterParser.parse("(".repeat(32) + "a eq 1" + ")".repeat(32)));
    }

    @Test
    void thirtyThirdNestedParenthesisIsRefusedWhereItOpens() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> FilterParser.parse("(".repeat(33) + "a eq 1" + ")".repeat(33)));
        assertEquals("filter nests deeper than 32 levels at position 32", e.getMessage());
    }

    @Test
    void nestingCountsNotAndParenthesesTogether() {
        Filter filter = FilterParser.parse("not (".repeat(16) + "a eq 1" + ")".repeat(16));
        for (int i = 0; i < 16; i++) {
            filter = assertInstanceOf(Filter.Not.class, filter).operand();
        }
        assertEquals(A, filter);
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> FilterParser.parse("not (".repeat(16) + "not a eq 1" + ")".repeat(16)));
        assertEquals(16 * 5, e.position());
        assertEquals("filter nests deeper than 32 levels", e.reason());
    }

    @Test
    void deepNotChainWithinLengthLimitFailsCleanly() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> FilterParser.parse("not ".repeat(1000) + "a eq 1"));
        assertEquals(32 * 4, e.position());
    }

    @Test
    void unclosedParenthesesAtMaxLengthFailOnDepthNotStack() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> FilterParser.parse("(".repeat(FilterParser.MAX_LENGTH)));
        assertEquals("filter nests deeper than 32 levels at position 32", e.getMessage());
    }

    @Test
    void textOfExactlyMaxLengthIsParsed() {
        String text = "a eq '" + "x".repeat(4096 - 7) + "'";
        assertEquals(4096, text.length());
        Filter.Comparison filter = assertInstanceOf(Filter.Comparison.class, FilterParser.parse(text));
        assertEquals(new Literal.Text("x".repeat(4089)), filter.value());
    }

    @Test
    void longerTextIsRefusedAtTheLimit() {
        String text = "a eq '" + "x".repeat(4096 - 6) + "'";
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse(text));
        assertEquals("filter is longer than 4096 characters at position 4096", e.getMessage());
    }

    @Test
    void twoHundredPredicatesAreAccepted() {
        Filter.Or filter = assertInstanceOf(Filter.Or.class, FilterParser.parse(predicates(200)));
        assertEquals(200, filter.operands().size());
        assertEquals(A, filter.operands().get(0));
    }

    @Test
    void twoHundredAndFirstPredicateIsRefusedWhereItStarts() {
        String text = predicates(201);
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse(text));
        assertEquals("filter has more than 200 predicates", e.reason());
        assertEquals(text.lastIndexOf("a eq 1"), e.position());
    }

    private static String predicates(int count) {
        return IntStream.range(0, count).mapToObj(i -> "a eq 1").collect(Collectors.joining(" or "));
    }
}
