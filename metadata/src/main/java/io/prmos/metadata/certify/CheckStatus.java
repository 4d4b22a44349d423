package io.prmos.metadata.certify;

/** The outcome of one check. Only {@code FAIL} stands in the way of a certificate. */
public enum CheckStatus {
    PASS, WARN, FAIL, SKIP;

    /** The worse of two outcomes (FAIL over WARN over PASS over SKIP). */
    public CheckStatus and(CheckStatus other) {
        return rank(this) >= rank(other) ? this : other;
    }

    private static int rank(CheckStatus status) {
        return switch (status) {
            case SKIP -> 0;
            case PASS -> 1;
            case WARN -> 2;
            case FAIL -> 3;
        };
    }
}
