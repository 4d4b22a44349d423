package io.prmos.metadata.filter;

import io.prmos.metadata.filter.Token.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses the text of the API's {@code filter=} parameter into a {@link Filter} tree by recursive
 * descent. Every problem, including resource limits, is a {@link FilterSyntaxException}; the
 * limits keep a hostile query from costing more than a few microseconds or a deep stack.
 *
 * <pre>
 * filter    := orExpr EOF
 * orExpr    := andExpr ("or" andExpr)*
 * andExpr   := unary ("and" unary)*
 * unary     := "not" unary | "(" orExpr ")" | predicate
 * predicate := path cmpOp value | path ("in" | "nin") "(" value ("," value)* ")"
 *            | path "isNull" ["true" | "false"]
 * </pre>
 *
 * A chain {@code a and b and c} becomes one {@link Filter.And} with three operands; a
 * parenthesised group stays a nested node, so printing and parsing again gives the same tree.
 */
public final class FilterParser {

    public static final int MAX_LENGTH = 4096;
    public static final int MAX_DEPTH = 32;
    public static final int MAX_PREDICATES = 200;

    private static final Map<String, Filter.Operator> OPERATORS = Arrays.stream(Filter.Operator.values())
            .collect(Collectors.toUnmodifiableMap(Filter.Operator::keyword, Function.identity()));
    private static final String OPERATOR_LIST = "eq, ne, lt, lte, gt, gte, contains, startsWith, in, nin, isNull";

    private final FilterLexer lexer;
    private int depth;
    private int predicates;

    private FilterParser(String text) {
        this.lexer = new FilterLexer(text);
    }

    public static Filter parse(String text) {
        if (text == null) {
            throw new FilterSyntaxException("filter is missing", 0);
        }
        if (text.length() > MAX_LENGTH) {
            throw new FilterSyntaxException("filter is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        if (text.isBlank()) {
            throw new FilterSyntaxException("filter is empty", 0);
        }
        FilterParser parser = new FilterParser(text);
        Filter filter = parser.orExpr();
        Token rest = parser.lexer.peek();
        if (rest.kind() != Kind.EOF) {
            throw parser.connectiveExpected("end of filter", rest);
        }
        return filter;
    }

    private Filter orExpr() {
        List<Filter> operands = new ArrayList<>();
        operands.add(andExpr());
        while (lexer.peek().isWord("or")) {
            lexer.next();
            operands.add(andExpr());
        }
        return operands.size() == 1 ? operands.get(0) : new Filter.Or(operands);
    }

    private Filter andExpr() {
        List<Filter> operands = new ArrayList<>();
        operands.add(unary());
        while (lexer.peek().isWord("and")) {
            lexer.next();
            operands.add(unary());
        }
        return operands.size() == 1 ? operands.get(0) : new Filter.And(operands);
    }

    private Filter unary() {
        Token token = lexer.peek();
        if (token.isWord("not")) {
            enter(token);
            lexer.next();
            Filter operand = unary();
            depth--;
            return new Filter.Not(operand);
        }
        if (token.kind() == Kind.LPAREN) {
            enter(token);
            lexer.next();
            Filter inner = orExpr();
            close(token);
            depth--;
            return inner;
        }
        return predicate();
    }

    private void enter(Token token) {
        if (++depth > MAX_DEPTH) {
            throw new FilterSyntaxException("filter nests deeper than " + MAX_DEPTH + " levels", token.position());
        }
    }

    private void close(Token open) {
        Token token = lexer.peek();
        if (token.kind() == Kind.RPAREN) {
            lexer.next();
            return;
        }
        if (token.kind() == Kind.EOF) {
            throw new FilterSyntaxException("expected ')' to close the '(' from position " + open.position()
                    + ", found end of filter", token.position());
        }
        throw connectiveExpected("')'", token);
    }

    private Filter predicate() {
        Token start = lexer.peek();
        FieldPath path = path();
        if (++predicates > MAX_PREDICATES) {
            throw new FilterSyntaxException("filter has more than " + MAX_PREDICATES + " predicates",
                    start.position());
        }
        Token op = lexer.peek();
        if (op.kind() != Kind.WORD) {
            throw expected("an operator (" + OPERATOR_LIST + ")", op);
        }
        lexer.next();
        return switch (op.text()) {
            case "in" -> new Filter.InList(path, false, valueList());
            case "nin" -> new Filter.InList(path, true, valueList());
            case "isNull" -> new Filter.IsNull(path, expectNull());
            default -> new Filter.Comparison(path, operator(op), value());
        };
    }

    private FieldPath path() {
        Token token = lexer.peek();
        if (token.kind() != Kind.WORD || token.isWord("and") || token.isWord("or")) {
            throw expected("a field name, 'not' or '('", token);
        }
        lexer.next();
        return FieldPathSyntax.toFieldPath(token.text(), token.position());
    }

    private static Filter.Operator operator(Token op) {
        Filter.Operator operator = OPERATORS.get(op.text());
        if (operator != null) {
            return operator;
        }
        String hint = "expected one of " + OPERATOR_LIST;
        for (String keyword : OPERATOR_LIST.split(", ")) {
            if (keyword.equalsIgnoreCase(op.text())) {
                hint = "operators are case-sensitive, did you mean '" + keyword + "'?";
            }
        }
        throw new FilterSyntaxException("unknown operator " + op.describe() + "; " + hint, op.position());
    }

    private List<Literal> valueList() {
        Token open = lexer.peek();
        if (open.kind() != Kind.LPAREN) {
            throw expected("'('", open);
        }
        lexer.next();
        List<Literal> values = new ArrayList<>();
        values.add(value());
        while (lexer.peek().kind() == Kind.COMMA) {
            lexer.next();
            values.add(value());
        }
        Token close = lexer.peek();
        if (close.kind() != Kind.RPAREN) {
            throw expected("',' or ')'", close);
        }
        lexer.next();
        return values;
    }

    private boolean expectNull() {
        Token token = lexer.peek();
        if (token.isWord("true") || token.isWord("false")) {
            lexer.next();
            return token.isWord("true");
        }
        if (token.kind() == Kind.WORD && !token.isWord("and") && !token.isWord("or")) {
            throw expected("'true' or 'false'", token);
        }
        return true;
    }

    private Literal value() {
        Token token = lexer.peek();
        switch (token.kind()) {
            case STRING, NUMBER, VARIABLE -> {
                lexer.next();
                return token.literal();
            }
            case WORD -> {
                return keywordValue(token);
            }
            default -> throw expected("a value", token);
        }
    }

    private Literal keywordValue(Token token) {
        Literal literal = switch (token.text()) {
            case "true" -> new Literal.Bool(true);
            case "false" -> new Literal.Bool(false);
            case "null" -> new Literal.Null();
            default -> null;
        };
        if (literal != null) {
            lexer.next();
            return literal;
        }
        for (String keyword : List.of("true", "false", "null")) {
            if (keyword.equalsIgnoreCase(token.text())) {
                throw new FilterSyntaxException("unknown value " + token.describe()
                        + "; literals are case-sensitive, did you mean '" + keyword + "'?", token.position());
            }
        }
        throw new FilterSyntaxException("unquoted word " + token.describe()
                + " is not a value; quote text, as in '" + FieldPathSyntax.abbreviate(token.text()) + "'",
                token.position());
    }

    /** After a complete predicate only a connective or {@code closing} may follow. */
    private FilterSyntaxException connectiveExpected(String closing, Token found) {
        for (String keyword : List.of("and", "or")) {
            if (found.kind() == Kind.WORD && keyword.equalsIgnoreCase(found.text())) {
                return new FilterSyntaxException("unknown word " + found.describe()
                        + "; keywords are case-sensitive, did you mean '" + keyword + "'?", found.position());
            }
        }
        return new FilterSyntaxException("expected 'and', 'or' or " + closing + ", found " + found.describe(),
                found.position());
    }

    private FilterSyntaxException expected(String what, Token found) {
        Token previous = lexer.previous();
        String after = previous == null ? "" : " after " + previous.describe();
        String foundText = found.kind() == Kind.EOF ? "" : ", found " + found.describe();
        return new FilterSyntaxException("expected " + what + after + foundText, found.position());
    }
}
