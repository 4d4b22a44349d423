package io.prmos.cli;

/** The process exit codes of {@code prm}; scripts rely on them, so they never change meaning. */
public final class ExitCodes {

    public static final int OK = 0;
    /** Invalid manifest, refused change, bad arguments, missing credentials, cancelled confirmation. */
    public static final int USER_ERROR = 1;
    /** The server failed (5xx, unreadable answer) or could not be reached. */
    public static final int SERVER_ERROR = 2;

    private ExitCodes() {
    }
}
