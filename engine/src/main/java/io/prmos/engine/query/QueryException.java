package io.prmos.engine.query;

/** A list query the caller got wrong (400): which parameter, and what is wrong with it. */
public final class QueryException extends RuntimeException {

    private final String parameter;
    private final Integer position;

    public QueryException(String parameter, String message) {
        this(parameter, message, null);
    }

    /** A syntax error at a 0-based character offset of the parameter's text. */
    public QueryException(String parameter, String message, Integer position) {
        super(message, null, false, false);
        this.parameter = parameter;
        this.position = position;
    }

    /** The offset of a syntax error, or null when the text parsed but does not fit the entity. */
    public Integer position() {
        return position;
    }

    public String parameter() {
        return parameter;
    }
}
