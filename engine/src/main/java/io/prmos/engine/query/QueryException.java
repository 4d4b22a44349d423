package io.prmos.engine.query;

/** A list query the caller got wrong (400): which parameter, and what is wrong with it. */
public final class QueryException extends RuntimeException {

    private final String parameter;

    public QueryException(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
