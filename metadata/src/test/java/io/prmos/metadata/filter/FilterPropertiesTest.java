package io.prmos.metadata.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class FilterPropertiesTest {

    @Provide
    Arbitrary<String> tokenSoup() {
        return FilterArbitraries.tokenSoup();
    }

    @Provide
    Arbitrary<String> sortSoup() {
        return FilterArbitraries.sortSoup();
    }

    @Provide
    Arbitrary<Filter> trees() {
        return FilterArbitraries.filters(4);
    }

    @Property(tries = 2000)
    @Label("any string parses to a filter or fails with a positioned syntax error")
    void arbitraryStrings(@ForAll String text) {
        checkParseOutcome(text);
    }

    @Property(tries = 5000)
    @Label("mixes of grammar tokens and junk parse or fail with a positioned syntax error")
    void tokenMixes(@ForAll("tokenSoup") String text) {
        Statistics.collect(checkParseOutcome(text) ? "parsed" : "rejected");
    }

    @Property(tries = 1000)
    @Label("generated trees print as text that parses back to the same tree")
    void printThenParseIsIdentity(@ForAll("trees") Filter tree) {
        String text = FilterPrinter.print(tree);
        assertEquals(tree, FilterParser.parse(text), text);
        assertEquals(text, FilterPrinter.print(FilterParser.parse(text)));
    }

    @Property(tries = 2000)
    @Label("sort texts parse to distinct keys or fail with a positioned syntax error")
    void sortTexts(@ForAll("sortSoup") String soup, @ForAll String junk) {
        for (String text : List.of(soup, junk)) {
            try {
                List<SortKey> keys = SortParser.parse(text);
                assertTrue(keys.size() >= 1 && keys.size() <= SortParser.MAX_KEYS, text);
                assertEquals(keys.size(), new HashSet<>(keys.stream().map(SortKey::field).toList()).size());
                String canonical = keys.stream().map(SortKey::toString).collect(Collectors.joining(","));
                assertEquals(keys, SortParser.parse(canonical));
            } catch (FilterSyntaxException e) {
                assertWellFormed(e, text);
            }
        }
    }

    /** Returns whether the text parsed; a parsed text must also survive a print/parse round trip. */
    private static boolean checkParseOutcome(String text) {
        Filter filter;
        try {
            filter = FilterParser.parse(text);
        } catch (FilterSyntaxException e) {
            assertWellFormed(e, text);
            return false;
        }
        assertEquals(filter, FilterParser.parse(FilterPrinter.print(filter)), text);
        return true;
    }

    private static void assertWellFormed(FilterSyntaxException e, String text) {
        assertTrue(e.position() >= 0 && e.position() <= text.length(), () -> e.position() + " in " + text);
        assertFalse(e.reason().isBlank());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().endsWith(" at position " + e.position()));
    }
}
