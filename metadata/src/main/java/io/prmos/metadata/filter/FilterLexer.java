package io.prmos.metadata.filter;

import io.prmos.metadata.filter.Token.Kind;
import java.math.BigDecimal;

/**
 * Turns filter text into tokens on demand, so the leftmost problem in the text is the one
 * reported. Words are runs of {@code [A-Za-z0-9_.]}; whether a word is a keyword, a field path
 * or a mistake is the parser's decision.
 */
final class FilterLexer {

    private final String text;
    private int pos;
    private Token peeked;
    private Token previous;

    FilterLexer(String text) {
        this.text = text;
    }

    Token peek() {
        if (peeked == null) {
            peeked = scan();
        }
        return peeked;
    }

    Token next() {
        Token token = peek();
        peeked = null;
        previous = token;
        return token;
    }

    /** The last token consumed, or {@code null} at the start. */
    Token previous() {
        return previous;
    }

    private Token scan() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        if (pos >= text.length()) {
            return new Token(Kind.EOF, "", pos, null);
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '(' -> punctuation(Kind.LPAREN);
            case ')' -> punctuation(Kind.RPAREN);
            case ',' -> punctuation(Kind.COMMA);
            case '\'' -> singleQuoted();
            case '"' -> doubleQuoted();
            case '$' -> variable();
            default -> wordOrNumber(c);
        };
    }

    private Token wordOrNumber(char c) {
        if (c == '-' || isDigit(c)) {
            return number();
        }
        if (FieldPathSyntax.isWordChar(c) && c != '.') {
            int start = pos;
            String word = consumeWord();
            return new Token(Kind.WORD, word, start, null);
        }
        throw new FilterSyntaxException("unexpected character " + describeChar(c), pos);
    }

    private Token punctuation(Kind kind) {
        Token token = new Token(kind, String.valueOf(text.charAt(pos)), pos, null);
        pos++;
        return token;
    }

    private String consumeWord() {
        int start = pos;
        while (pos < text.length() && FieldPathSyntax.isWordChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private Token singleQuoted() {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new FilterSyntaxException("unterminated string: missing closing '", start);
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    pos++;
                } else {
                    return stringToken(start, value.toString());
                }
            }
            value.append(c);
        }
    }

    private Token doubleQuoted() {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new FilterSyntaxException("unterminated string: missing closing \"", start);
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return stringToken(start, value.toString());
            }
            if (c == '\\') {
                c = escaped(pos - 1);
                pos++;
            }
            value.append(c);
        }
    }

    private char escaped(int backslash) {
        if (pos >= text.length()) {
            throw new FilterSyntaxException("unterminated string: missing closing \"", backslash);
        }
        char c = text.charAt(pos);
        if (c != '"' && c != '\\') {
            throw new FilterSyntaxException("unknown escape " + describeChar('\\') + " followed by "
                    + describeChar(c) + "; only \\\" and \\\\ may follow a backslash", backslash);
        }
        return c;
    }

    private Token stringToken(int start, String value) {
        return new Token(Kind.STRING, text.substring(start, pos), start, new Literal.Text(value));
    }

    private Token number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        digits("expected a digit after '-'");
        if (at('.')) {
            pos++;
            digits("expected a digit after the decimal point");
        }
        if (at('e') || at('E')) {
            pos++;
            if (at('+') || at('-')) {
                pos++;
            }
            digits("expected a digit in the exponent");
        }
        if (pos < text.length() && FieldPathSyntax.isWordChar(text.charAt(pos))) {
            throw new FilterSyntaxException("unexpected character " + describeChar(text.charAt(pos))
                    + " after a number", pos);
        }
        return numberToken(start, text.substring(start, pos));
    }

    private Token numberToken(int start, String raw) {
        try {
            BigDecimal value = new BigDecimal(raw);
            if (!NumberRange.contains(value)) {
                throw new NumberFormatException(NumberRange.MESSAGE);
            }
            return new Token(Kind.NUMBER, raw, start, new Literal.Number(value));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new FilterSyntaxException("number " + FieldPathSyntax.abbreviate(raw) + " is out of range", start);
        }
    }

    private void digits(String message) {
        if (pos >= text.length() || !isDigit(text.charAt(pos))) {
            throw new FilterSyntaxException(message, pos);
        }
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private Token variable() {
        int start = pos++;
        String path = consumeWord();
        if (path.isEmpty()) {
            throw new FilterSyntaxException("expected a variable name after '$'", pos);
        }
        int segmentStart = start + 1;
        for (String segment : path.split("\\.", -1)) {
            if (!FieldPathSyntax.isName(segment)) {
                throw new FilterSyntaxException("invalid variable '$" + FieldPathSyntax.abbreviate(path)
                        + "': write $name or $name.name with names in [a-z][a-z0-9_]*", segmentStart);
            }
            segmentStart += segment.length() + 1;
        }
        return new Token(Kind.VARIABLE, text.substring(start, pos), start, new Literal.Variable(path));
    }

    private boolean at(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static String describeChar(char c) {
        if (c >= 0x21 && c < 0x7f) {
            return "'" + c + "'";
        }
        String code = String.format("U+%04X", (int) c);
        boolean visible = !Character.isISOControl(c) && !Character.isSurrogate(c) && !Character.isWhitespace(c);
        return visible ? "'" + c + "' (" + code + ")" : code;
    }
}
