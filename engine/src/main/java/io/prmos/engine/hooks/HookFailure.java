package io.prmos.engine.hooks;

import io.prmos.hooks.HookRejection;
import io.prmos.engine.validation.ValidationException;
import io.prmos.engine.validation.Violation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * A hook that refused, failed or overran its deadline; the write is rolled back and the problem names
 * the hook. Statuses: a {@link HookRejection} is the user's business (422 {@code hook-rejected}); an
 * exception escaping hook code is a failure of the module extension the kernel delegated to, reported
 * like a failing upstream (502 {@code hook-failed}); an overrun is 504 {@code hook-timeout}. A 500
 * stays reserved for bugs of the kernel itself (docs/adr/0051).
 */
public final class HookFailure extends RuntimeException {

    private final int status;
    private final String type;
    private final String hookId;
    private final List<Violation> violations;

    private HookFailure(int status, String type, String hookId, String message, List<Violation> violations, Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
        this.type = type;
        this.hookId = hookId;
        this.violations = List.copyOf(violations);
    }

    public static HookFailure rejected(String hookId, String pointer, String message) {
        return new HookFailure(422, "hook-rejected", hookId, "hook " + hookId + " refused the write: " + message,
                List.of(new Violation(pointer, "hook", message)), null);
    }

    public static HookFailure timedOut(String hookId, Duration timeout) {
        return new HookFailure(504, "hook-timeout", hookId, "hook " + hookId + " did not finish within "
                + timeout.toMillis() + " ms; it was stopped and the write rolled back", List.of(), null);
    }

    public static HookFailure failed(String hookId, String message, Throwable cause) {
        return new HookFailure(502, "hook-failed", hookId, "hook " + hookId + " failed: " + message
                + "; the write was rolled back", List.of(), cause);
    }

    /** What a hook call's failure means for the caller; failures of nested hooks keep their own hook id. */
    static RuntimeException of(String hookId, String recordPointer, Throwable failure) {
        Throwable f = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (f instanceof HookFailure hook) {
            return hook;
        }
        if (f instanceof HookRejection rejection) {
            String pointer = rejection.field().map(field -> recordPointer + "/" + field).orElse(recordPointer.isEmpty() ? "/" : recordPointer);
            return rejected(hookId, pointer, rejection.getMessage());
        }
        if (f instanceof ValidationException invalid) {
            return failed(hookId, "it wrote an invalid record: " + invalid.violations().stream()
                    .map(v -> v.pointer() + " " + v.message()).toList(), f);
        }
        return failed(hookId, f.getClass().getSimpleName() + (f.getMessage() == null ? "" : ": " + f.getMessage()), f);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String hookId() {
        return hookId;
    }

    public List<Violation> violations() {
        return violations;
    }
}
