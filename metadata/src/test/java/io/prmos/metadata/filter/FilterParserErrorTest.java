package io.prmos.metadata.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserErrorTest {

    static Stream<Arguments> errors() {
        return Stream.of(
            Arguments.of("", 0, "filter is empty"),
            Arguments.of(" \t ", 0, "filter is empty"),
            Arguments.of("a eq", 4, "expected a value after 'eq'"),
            Arguments.of("amount eq ,", 10, "expected a value after 'eq', found ','"),
            Arguments.of("status eq open", 10, "unquoted word 'open' is not a value; quote text, as in 'open'"),
            Arguments.of("status", 6, "expected an operator (eq, ne, lt, lte, gt, gte, contains, startsWith, in, nin, "
                    + "isNull) after 'status'"),
            Arguments.of("status foo 1", 7, "unknown operator 'foo'; expected one of eq, ne, lt, lte, gt, gte, "
                    + "contains, startsWith, in, nin, isNull"),
            Arguments.of("status EQ 1", 7, "unknown operator 'EQ'; operators are case-sensitive, did you mean 'eq'?"),
            Arguments.of("a isnull", 2, "unknown operator 'isnull'; operators are case-sensitive, did you mean 'isNull'?"),
            Arguments.of("(a eq 1", 7, "expected ')' to close the '(' from position 0, found end of filter"),
            Arguments.of("a eq 1 b eq 2", 7, "expected 'and', 'or' or end of filter, found 'b'"),
            Arguments.of("a eq 1)", 6, "expected 'and', 'or' or end of filter, found ')'"),
            Arguments.of("(a eq 1 b eq 2)", 8, "expected 'and', 'or' or ')', found 'b'"),
            Arguments.of("a eq 1 AND b eq 2", 7, "unknown word 'AND'; keywords are case-sensitive, did you mean 'and'?"),
            Arguments.of("a eq 1 and", 10, "expected a field name, 'not' or '(' after 'and'"),
            Arguments.of("a eq 1 or or b eq 1", 10, "expected a field name, 'not' or '(' after 'or', found 'or'"),
            Arguments.of("not", 3, "expected a field name, 'not' or '(' after 'not'"),
            Arguments.of("and eq 1", 0, "expected a field name, 'not' or '(', found 'and'"),
            Arguments.of("()", 1, "expected a field name, 'not' or '(' after '(', found ')'"),
            Arguments.of("a in ()", 6, "expected a value after '(', found ')'"),
            Arguments.of("a in (1,", 8, "expected a value after ','"),
            Arguments.of("a in 1", 5, "expected '(' after 'in', found number 1"),
            Arguments.of("a nin (1 2)", 9, "expected ',' or ')' after number 1, found number 2"),
            Arguments.of("a isNull maybe", 9, "expected 'true' or 'false' after 'isNull', found 'maybe'"),
            Arguments.of("Status eq 1", 0, "invalid name 'Status': names start with a lowercase letter and contain "
                    + "only a-z, 0-9 and '_'"),
            Arguments.of("_a eq 1", 0, "invalid name '_a': names start with a lowercase letter and contain "
                    + "only a-z, 0-9 and '_'"),
            Arguments.of("amount.Currency eq 1", 7, "invalid name 'Currency': names start with a lowercase letter "
                    + "and contain only a-z, 0-9 and '_'"),
            Arguments.of("a.b.c eq 1", 0, "field path 'a.b.c' has more than two parts; write field or field.part"),
            Arguments.of("amount. eq 1", 7, "expected a name after '.'"),
            Arguments.of("a".repeat(64) + " eq 1", 0, "name 'aaaaaaaaaaaaaaaaaaaaaaaa...' is longer than 63 characters"),
            Arguments.of("a eq 'it''s", 5, "unterminated string: missing closing '"),
            Arguments.of("a eq \"x\\\"", 5, "unterminated string: missing closing \""),
            Arguments.of("a eq \"x\\n\"", 7, "unknown escape '\\' followed by 'n'; only \\\" and \\\\ may follow a backslash"),
            Arguments.of("a eq 1.", 7, "expected a digit after the decimal point"),
            Arguments.of("a eq .5", 5, "unexpected character '.'"),
            Arguments.of("a eq 1e", 7, "expected a digit in the exponent"),
            Arguments.of("a eq -x", 6, "expected a digit after '-'"),
            Arguments.of("a eq 12abc", 7, "unexpected character 'a' after a number"),
            Arguments.of("a eq 1.5.3", 8, "unexpected character '.' after a number"),
            Arguments.of("a eq 1e99999999999", 5, "number 1e99999999999 is out of range"),
            Arguments.of("a eq 1e999999999", 5, "number 1e999999999 is out of range"),
            Arguments.of("a eq -1e400", 5, "number -1e400 is out of range"),
            Arguments.of("a eq #", 5, "unexpected character '#'"),
            Arguments.of("a eq \u00e9", 5, "unexpected character '\u00e9' (U+00E9)"),
            Arguments.of("a eq 1 \u0000", 7, "unexpected character U+0000"),
            Arguments.of("a eq $", 6, "expected a variable name after '$'"),
            Arguments.of("a eq $User.id", 6, "invalid variable '$User.id': write $name or $name.name with names "
                    + "in [a-z][a-z0-9_]*"),
            Arguments.of("a eq $user.", 11, "invalid variable '$user.': write $name or $name.name with names "
                    + "in [a-z][a-z0-9_]*"),
            Arguments.of("a eq TRUE", 5, "unknown value 'TRUE'; literals are case-sensitive, did you mean 'true'?"),
            Arguments.of("a eq 'x' extra", 9, "expected 'and', 'or' or end of filter, found 'extra'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void reportsTheProblemAndWhereItIs(String input, int position, String reason) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse(input));
        assertEquals(reason, e.reason());
        assertEquals(position, e.position());
        assertEquals(reason + " at position " + position, e.getMessage());
    }

    @Test
    void messageMatchesTheDocumentedExample() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class,
                () -> FilterParser.parse("status eq   "));
        assertEquals("expected a value after 'eq' at position 12", e.getMessage());
    }

    @Test
    void nullTextIsASyntaxErrorNotANullPointer() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse(null));
        assertEquals("filter is missing at position 0", e.getMessage());
    }

    @Test
    void exceptionIsARuntimeExceptionWithoutStackTrace() {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> FilterParser.parse("a"));
        assertInstanceOf(RuntimeException.class, e);
        assertEquals(0, e.getStackTrace().length);
    }
}
