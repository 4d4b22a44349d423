package io.prmos.metadata.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SortParserTest {

    @Test
    void parsesDirectionsAndCompositeParts() {
        assertEquals(List.of(
                new SortKey(FieldPath.of("score"), true),
                new SortKey(FieldPath.of("name"), false),
                new SortKey(new FieldPath("amount", Optional.of("amount")), false)),
                SortParser.parse("-score,name,amount.amount"));
    }

    @Test
    void plusMeansAscendingAndSpacesAroundKeysAreAllowed() {
        assertEquals(List.of(new SortKey(FieldPath.of("a"), false), new SortKey(FieldPath.of("b"), true)),
                SortParser.parse(" +a , -b "));
    }

    @Test
    void keyPrintsAsWritten() {
        assertEquals("-amount.currency", SortParser.parse("-amount.currency").get(0).toString());
    }

    @Test
    void eightKeysAreAccepted() {
        assertEquals(8, SortParser.parse(keys(8)).size());
    }

    static Stream<Arguments> errors() {
        return Stream.of(
            Arguments.of(null, 0, "sort is missing"),
            Arguments.of("", 0, "expected a field name, found end of sort"),
            Arguments.of("a,", 2, "expected a field name, found end of sort"),
            Arguments.of("a,,b", 2, "expected a field name, found ','"),
            Arguments.of("-", 1, "expected a field name, found end of sort"),
            Arguments.of("--a", 1, "expected a field name, found '-'"),
            Arguments.of("- a", 1, "expected a field name, found U+0020"),
            Arguments.of("a b", 2, "expected ',' or end of sort, found 'b'"),
            Arguments.of("a;b", 1, "expected ',' or end of sort, found ';'"),
            Arguments.of("name,-name", 5, "field 'name' appears more than once in sort"),
            Arguments.of("x.y, +x.y", 5, "field 'x.y' appears more than once in sort"),
            Arguments.of("Name", 0, "invalid name 'Name': names start with a lowercase letter and contain "
                    + "only a-z, 0-9 and '_'"),
            Arguments.of("a.b.c", 0, "field path 'a.b.c' has more than two parts; write field or field.part"),
            Arguments.of(".a", 0, "expected a field name before '.'"),
            Arguments.of("-a.", 3, "expected a name after '.'"),
            Arguments.of(keys(9), keys(8).length() + 1, "sort has more than 8 keys"),
            Arguments.of("a".repeat(1025), 1024, "sort is longer than 1024 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void reportsTheProblemAndWhereItIs(String input, int position, String reason) {
        FilterSyntaxException e = assertThrows(FilterSyntaxException.class, () -> SortParser.parse(input));
        assertEquals(reason + " at position " + position, e.getMessage());
        assertEquals(position, e.position());
    }

    private static String keys(int count) {
        return IntStream.range(0, count).mapToObj(i -> "f" + i).collect(Collectors.joining(","));
    }
}
