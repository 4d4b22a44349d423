package io.prmos.engine.hooks;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;

/**
 * One call of one hook: its id and deadline. Contexts ask it before doing anything for the hook, so
 * a hook that has timed out (or returned) cannot touch the transaction any more.
 */
final class HookCall {

    private final String hookId;
    private final Duration timeout;
    private final Instant deadline;
    private volatile boolean open = true;

    HookCall(String hookId, Duration timeout) {
        this.hookId = hookId;
        this.timeout = timeout;
        this.deadline = Instant.now().plus(timeout);
    }

    String hookId() {
        return hookId;
    }

    Duration timeout() {
        return timeout;
    }

    void close() {
        open = false;
    }

    void ensureOpen() {
        if (!open || Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("hook " + hookId + " has been stopped; its context is closed");
        }
    }

    /** Waits for database work on behalf of the hook, never past its deadline. */
    <T> T await(Uni<T> work) {
        ensureOpen();
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new IllegalStateException("hook " + hookId + " is past its deadline");
        }
        return work.await().atMost(left);
    }
}
