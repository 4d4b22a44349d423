package io.prmos.metadata.diff;

/** Whether a candidate manifest may be published over the installed one. */
public enum Verdict {
    ALLOWED,
    REFUSED
}
