package io.prmos.metadata.filter;

/**
 * A filter or sort text that does not follow the grammar. The message is one line meant for the
 * API client ({@code expected a value after 'eq' at position 12}); {@link #position()} is the
 * 0-based character offset the message points at.
 */
public final class FilterSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int position;

    public FilterSyntaxException(String reason, int position) {
        super(reason + " at position " + position, null, false, false);
        this.reason = reason;
        this.position = position;
    }

    /** The message without the trailing {@code at position N}. */
    public String reason() {
        return reason;
    }

    /** 0-based character offset into the parsed text. */
    public int position() {
        return position;
    }
}
