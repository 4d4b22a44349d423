package io.prmos.metadata.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prmos.metadata.filter.Filter.And;
import io.prmos.metadata.filter.Filter.Comparison;
import io.prmos.metadata.filter.Filter.InList;
import io.prmos.metadata.filter.Filter.IsNull;
import io.prmos.metadata.filter.Filter.Not;
import io.prmos.metadata.filter.Filter.Operator;
import io.prmos.metadata.filter.Filter.Or;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FilterParserTest {

    static Comparison eq(String field, long value) {
        return new Comparison(FieldPath.of(field), Operator.EQ, num(value));
    }

    static Literal num(long value) {
        return new Literal.Number(BigDecimal.valueOf(value));
    }

    static Literal text(String value) {
        return new Literal.Text(value);
    }

    @ParameterizedTest
    @EnumSource(Operator.class)
    void everyComparisonOperatorParsesByItsKeyword(Operator operator) {
        Filter filter = FilterParser.parse("score " + operator.keyword() + " 10");
        assertEquals(new Comparison(FieldPath.of("score"), operator, num(10)), filter);
    }

    @Test
    void containsAndStartsWithTakeText() {
        assertEquals(new Comparison(FieldPath.of("name"), Operator.CONTAINS, text("acme")),
                FilterParser.parse("name contains 'acme'"));
        assertEquals(new Comparison(FieldPath.of("name"), Operator.STARTS_WITH, text("Ac")),
                FilterParser.parse("name startsWith \"Ac\""));
    }

    @Test
    void inAndNinTakeAList() {
        assertEquals(new InList(FieldPath.of("status"), false, List.of(text("open"), text("won"))),
                FilterParser.parse("status in ('open', 'won')"));
        assertEquals(new InList(FieldPath.of("stage"), true, List.of(num(1))),
                FilterParser.parse("stage nin(1)"));
        assertEquals(new InList(FieldPath.of("owner"), false, List.of(new Literal.Variable("user.id"), new Literal.Null())),
                FilterParser.parse("owner in ($user.id,null)"));
    }

    @Test
    void isNullArgumentIsOptionalAndDefaultsToTrue() {
        assertEquals(new IsNull(FieldPath.of("closed_at"), true), FilterParser.parse("closed_at isNull"));
        assertEquals(new IsNull(FieldPath.of("closed_at"), true), FilterParser.parse("closed_at isNull true"));
        assertEquals(new IsNull(FieldPath.of("closed_at"), false), FilterParser.parse("closed_at isNull false"));
        assertEquals(new And(List.of(new IsNull(FieldPath.of("a"), true), eq("b", 1))),
                FilterParser.parse("a isNull and b eq 1"));
    }

    @Test
    void compositeFieldPartIsKept() {
        Comparison filter = (Comparison) FilterParser.parse("amount.currency eq 'EUR'");
        assertEquals(new FieldPath("amount", Optional.of("currency")), filter.field());
        assertEquals("amount.currency", filter.field().toString());
    }

    @Test
    void andBindsTighterThanOr() {
        assertEquals(new Or(List.of(eq("a", 1), new And(List.of(eq("b", 2), eq("c", 3))))),
                FilterParser.parse("a eq 1 or b eq 2 and c eq 3"));
        assertEquals(new Or(List.of(new And(List.of(eq("a", 1), eq("b", 2))), eq("c", 3))),
                FilterParser.parse("a eq 1 and b eq 2 or c eq 3"));
    }

    @Test
    void sameKindChainsAreFlattened() {
        assertEquals(new And(List.of(eq("a", 1), eq("b", 2), eq("c", 3))),
                FilterParser.parse("a eq 1 and b eq 2 and c eq 3"));
        assertEquals(new Or(List.of(eq("a", 1), eq("b", 2), eq("c", 3))),
                FilterParser.parse("a eq 1 or b eq 2 or c eq 3"));
    }

    @Test
    void parenthesesOverridePrecedenceAndKeepGroups() {
        assertEquals(new And(List.of(new Or(List.of(eq("a", 1), eq("b", 2))), eq("c", 3))),
                FilterParser.parse("(a eq 1 or b eq 2) and c eq 3"));
        assertEquals(new And(List.of(eq("a", 1), new And(List.of(eq("b", 2), eq("c", 3))))),
                FilterParser.parse("a eq 1 and (b eq 2 and c eq 3)"));
        assertEquals(eq("a", 1), FilterParser.parse("((( a eq 1 )))"));
    }

    @Test
    void notBindsTighterThanAnd() {
        assertEquals(new And(List.of(new Not(eq("a", 1)), eq("b", 2))), FilterParser.parse("not a eq 1 and b eq 2"));
        assertEquals(new Not(new And(List.of(eq("a", 1), eq("b", 2)))), FilterParser.parse("not (a eq 1 and b eq 2)"));
        assertEquals(new Not(new Not(eq("a", 1))), FilterParser.parse("not not a eq 1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "a eq 'it''s'            | it's",
        "a eq ''                 | ``",
        "a eq ''''               | '",
        "a eq \"say \\\"hi\\\"\" | say \"hi\"",
        "a eq \"C:\\\\tmp\"      | C:\\tmp",
        "a eq \"it's\"           | it's",
        "a eq 'a \"b\" \\n'      | a \"b\" \\n",
        "a eq ' and or ( ) '     | ` and or ( ) `",
    })
    void stringEscapes(String input, String expected) {
        assertEquals(new Comparison(FieldPath.of("a"), Operator.EQ, text(expected)), FilterParser.parse(input));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0        | 0",
        "-17      | -17",
        "3.14     | 3.14",
        "1e3      | 1E+3",
        "2.5E-2   | 0.025",
        "-1.0e+2  | -1.0E+2",
        "007      | 7",
        "12345678901234567890.5 | 12345678901234567890.5",
    })
    void numbersAreExactDecimals(String literal, String expected) {
        Comparison filter = (Comparison) FilterParser.parse("amount gt " + literal);
        assertEquals(new Literal.Number(new BigDecimal(expected)), filter.value());
    }

    @Test
    void keywordValuesAndVariables() {
        assertEquals(new Literal.Bool(true), ((Comparison) FilterParser.parse("active eq true")).value());
        assertEquals(new Literal.Bool(false), ((Comparison) FilterParser.parse("active ne false")).value());
        assertEquals(new Literal.Null(), ((Comparison) FilterParser.parse("owner eq null")).value());
        assertEquals(new Literal.Variable("user.id"), ((Comparison) FilterParser.parse("owner eq $user.id")).value());
        assertEquals(new Literal.Variable("user.tenant"), ((Comparison) FilterParser.parse("t eq $user.tenant")).value());
        assertEquals(new InList(FieldPath.of("role"), false, List.of(new Literal.Variable("user.roles"))),
                FilterParser.parse("role in ($user.roles)"));
    }

    @Test
    void whitespaceIsFlexible() {
        Filter expected = new And(List.of(eq("a", 1), new InList(FieldPath.of("b"), false, List.of(num(1), num(2)))));
        assertEquals(expected, FilterParser.parse("\t a   eq\n1 and(b in(1,2))\r\n"));
        assertEquals(expected, FilterParser.parse("a eq 1 and b in ( 1 , 2 )"));
    }

    @Test
    void keywordsOtherThanConnectivesMayBeFieldNames() {
        assertEquals(new Comparison(FieldPath.of("in"), Operator.EQ, new Literal.Bool(true)),
                FilterParser.parse("in eq true"));
        assertEquals(new IsNull(FieldPath.of("null"), false), FilterParser.parse("null isNull false"));
    }
}
