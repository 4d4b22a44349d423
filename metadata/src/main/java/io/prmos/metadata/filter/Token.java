package io.prmos.metadata.filter;

/** One lexical unit of a filter; {@code literal} is set for strings, numbers and variables. */
record Token(Kind kind, String text, int position, Literal literal) {

    enum Kind { WORD, STRING, NUMBER, VARIABLE, LPAREN, RPAREN, COMMA, EOF }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    /** How the token is named in an error message. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of filter";
            case STRING -> "a string";
            case NUMBER -> "number " + text;
            default -> "'" + FieldPathSyntax.abbreviate(text) + "'";
        };
    }
}
