package io.prmos.engine.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * RFC 4180 CSV cells, safe to open in a spreadsheet: a text cell starting with {@code = + - @},
 * a tab or a carriage return is prefixed with {@code '} so it is never evaluated as a formula
 * (OWASP "CSV injection"); numbers and booleans are written as they are.
 */
final class CsvCells {

    static final String LINE_END = "\r\n";

    private CsvCells() {
    }

    static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(cells.get(i)));
        }
        return out.append(LINE_END).toString();
    }

    /** The cell text of a JSON value; text is defused, other scalars are written as is. */
    static String cell(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        if (value.isArray() && allText(value)) {
            StringBuilder joined = new StringBuilder();
            value.forEach(v -> joined.append(joined.length() == 0 ? "" : "|").append(v.asText()));
            return defuse(joined.toString());
        }
        return defuse(value.isTextual() ? value.asText() : value.toString());
    }

    static String defuse(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    static String quote(String cell) {
        boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0
                || (!cell.isEmpty() && (Character.isWhitespace(cell.charAt(0)) || Character.isWhitespace(cell.charAt(cell.length() - 1))));
        return needs ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
