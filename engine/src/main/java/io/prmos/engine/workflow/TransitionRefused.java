package io.prmos.engine.workflow;

import java.util.List;

/**
 * A transition that may not happen: not allowed from the record's state (409, with the transitions
 * that are), its guard false (422, with the guard's message), or the caller's roles (403).
 */
public final class TransitionRefused extends RuntimeException {

    private final int status;
    private final String type;
    private final String state;
    private final List<String> allowed;

    private TransitionRefused(int status, String type, String message, String state, List<String> allowed) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.state = state;
        this.allowed = List.copyOf(allowed);
    }

    static TransitionRefused illegal(String transition, String state, List<String> allowed) {
        return new TransitionRefused(409, "transition-not-allowed", "transition '" + transition + "' is not allowed from state '"
                + state + "'; allowed from there: " + (allowed.isEmpty() ? "none" : String.join(", ", allowed)), state, allowed);
    }

    static TransitionRefused guard(String transition, String state, String message) {
        return new TransitionRefused(422, "transition-guard", message, state, List.of());
    }

    static TransitionRefused forbidden(String transition, List<String> roles) {
        return new TransitionRefused(403, "forbidden", "transition '" + transition + "' needs one of the roles " + roles, null, List.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** The record's current state, when the refusal depends on it. */
    public String state() {
        return state;
    }

    public List<String> allowed() {
        return allowed;
    }
}
