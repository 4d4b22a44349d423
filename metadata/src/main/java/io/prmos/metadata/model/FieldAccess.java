package io.prmos.metadata.model;

/** What a role may do with one field: not see it, see it, or see and change it. */
public enum FieldAccess {
    HIDDEN, READ, WRITE;

    public static FieldAccess max(FieldAccess a, FieldAccess b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
