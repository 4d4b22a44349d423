package io.prmos.engine.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reader of client JSON (issue 11): what it refuses, with which fault and pointer, and what it keeps exact. */
class StrictJsonTest {

    private static JsonNode read(String text) {
        return StrictJson.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static StrictJson.Refused refused(String text) {
        return assertThrows(StrictJson.Refused.class, () -> read(text), text);
    }

    @Test
    void duplicateKeysAndTrailingContentAreSyntaxErrors() {
        StrictJson.Refused duplicate = refused("{\"a\":1,\"b\":{\"c\":1,\"c\":2}}");
        assertEquals(StrictJson.Fault.SYNTAX, duplicate.fault());
        assertTrue(duplicate.getMessage().contains("duplicate key 'c'"), duplicate.getMessage());
        assertEquals(StrictJson.Fault.SYNTAX, refused("{\"a\":1} {\"a\":2}").fault());
        assertEquals(StrictJson.Fault.SYNTAX, refused("[" .repeat(1_500) + "]".repeat(1_500)).fault());
    }

    @Test
    void nulAndLoneSurrogatesAreRefusedWithTheirPointer() {
        StrictJson.Refused nul = refused("{\"a\":[\"x\",\"y\\u0000\"]}");
        assertEquals(StrictJson.Fault.CHARACTER, nul.fault());
        assertEquals("/a/1", nul.pointer());
        StrictJson.Refused key = refused("{\"a/b\":{\"k\\u0000\":1}}");
        assertEquals("/a~1b/k\u0000", key.pointer());
        StrictJson.Refused surrogate = refused("{\"a\":\"\\ud800x\"}");
        assertEquals(Texts.SURROGATE, surrogate.getMessage());
        assertEquals("/a", surrogate.pointer());
        // a proper pair, escaped or not, is one character
        assertEquals("\uD83D\uDE00", read("{\"a\":\"\\ud83d\\ude00\"}").get("a").textValue());
        assertEquals("\uD83D\uDE00", read("{\"a\":\"\uD83D\uDE00\"}").get("a").textValue());
    }

    @Test
    void numbersBeyondAnyColumnAreOutOfRange() {
        for (String number : new String[] {"1e400", "-1E+400", "1e-400", "1e999999999", "1e2147483648", "-1E-2147483649", "1" + "0".repeat(309)}) {
            StrictJson.Refused e = refused("{\"n\":{\"m\":" + number + "}}");
            assertEquals(StrictJson.Fault.RANGE, e.fault(), number);
            assertEquals("/n/m", e.pointer(), number);
        }
        assertEquals(StrictJson.Fault.RANGE, refused("1e400").fault());
        assertEquals("/", refused("1e400").pointer());
        assertEquals("/1/x", refused("[1, {\"x\": 1e2147483648}]").pointer(), "an exponent no BigDecimal holds");
    }

    @Test
    void numbersWithinRangeAreReadExactly() {
        assertEquals(new BigDecimal("12345678901234567.89"), read("{\"m\":12345678901234567.89}").get("m").decimalValue());
        assertEquals(new BigDecimal("9.99e308"), read("[9.99e308]").get(0).decimalValue());
        assertEquals(new BigDecimal("1e-308"), read("[1e-308]").get(0).decimalValue());
        assertEquals("123456789012345678901234567890", read("[123456789012345678901234567890]").get(0).bigIntegerValue().toString());
    }
}
