package io.prmos.hooks;

import java.util.Optional;

/**
 * Thrown by a hook to refuse a write for a business reason; the caller gets a 422 with this message
 * (on {@code field} when given) and the transaction is rolled back. Any other exception is reported
 * as a failure of the hook.
 */
public class HookRejection extends RuntimeException {

    private final String field;

    public HookRejection(String message) {
        this(null, message);
    }

    public HookRejection(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
