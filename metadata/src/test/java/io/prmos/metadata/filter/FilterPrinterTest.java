package io.prmos.metadata.filter;

import static io.prmos.metadata.filter.FilterParserTest.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterPrinterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a   eq  1                         | a eq 1",
        "a eq 1 or b eq 2 and c eq 3       | a eq 1 or b eq 2 and c eq 3",
        "(a eq 1 or b eq 2) and c eq 3     | (a eq 1 or b eq 2) and c eq 3",
        "((a eq 1) and (b eq 2))           | a eq 1 and b eq 2",
        "a eq 1 and (b eq 2 and c eq 3)    | a eq 1 and (b eq 2 and c eq 3)",
        "a eq 1 or (b eq 2 or c eq 3)      | a eq 1 or (b eq 2 or c eq 3)",
        "a eq 1 or (b eq 2 and c eq 3)     | a eq 1 or b eq 2 and c eq 3",
        "not (a eq 1 or b eq 2)            | not (a eq 1 or b eq 2)",
        "not(not a eq 1)                   | not not a eq 1",
        "name eq \"it's \\\"x\\\"\"        | name eq 'it''s \"x\"'",
        "name startsWith 'A'               | name startsWith 'A'",
        "s in('a','b') and t nin (1)       | s in ('a', 'b') and t nin (1)",
        "x isNull true                     | x isNull",
        "x isNull false                    | x isNull false",
        "amount.amount gte 1.50            | amount.amount gte 1.50",
        "n lt 1e3                          | n lt 1E+3",
        "n lt -0.5                         | n lt -0.5",
        "o eq $user.id or o eq null        | o eq $user.id or o eq null",
        "f eq true and g ne false          | f eq true and g ne false",
    })
    void printsCanonicalTextThatParsesBackToTheSameTree(String input, String canonical) {
        Filter filter = FilterParser.parse(input);
        assertEquals(canonical, FilterPrinter.print(filter));
        assertEquals(filter, FilterParser.parse(canonical));
    }

    @Test
    void printsLiterals() {
        assertEquals("'O''Brien'", FilterPrinter.print(new Literal.Text("O'Brien")));
        assertEquals("''", FilterPrinter.print(new Literal.Text("")));
        assertEquals("null", FilterPrinter.print(new Literal.Null()));
        assertEquals("$user.roles", FilterPrinter.print(new Literal.Variable("user.roles")));
    }

    @Test
    void refusesTreesNoTextCanDenote() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FilterPrinter.print(new Filter.And(List.of(eq("a", 1)))));
        assertEquals("And needs at least two operands to be printed", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> FilterPrinter.print(new Filter.InList(FieldPath.of("a"), false, List.of())));
    }
}
