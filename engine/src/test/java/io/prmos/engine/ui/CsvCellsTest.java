package io.prmos.engine.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void quotesOnlyWhatNeedsQuoting() {
        assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",\r\n",
                CsvCells.line(List.of("plain", "a,b", "say \"hi\"", "two\nlines", " padded", "")));
    }

    @Test
    void textThatASpreadsheetWouldEvaluateIsDefused() {
        for (String formula : List.of("=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, CsvCells.cell(JSON.textNode(formula)), formula);
        }
        assertEquals("a=b", CsvCells.cell(JSON.textNode("a=b")));
    }

    @Test
    void numbersBooleansListsAndNullsKeepTheirMeaning() {
        assertEquals("-5", CsvCells.cell(JSON.numberNode(-5)), "a negative number is a number, not a formula");
        assertEquals("1000.5", CsvCells.cell(JSON.numberNode(new java.math.BigDecimal("1000.5"))));
        assertEquals("true", CsvCells.cell(JSON.booleanNode(true)));
        assertEquals("", CsvCells.cell(JSON.nullNode()));
        assertEquals("reseller|technology", CsvCells.cell(JSON.arrayNode().add("reseller").add("technology")));
        assertEquals("'-x|y", CsvCells.cell(JSON.arrayNode().add("-x").add("y")));
        assertEquals("{\"a\":1}", CsvCells.cell(JSON.objectNode().put("a", 1)));
    }
}
