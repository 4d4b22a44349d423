package io.prmos.hooks;

/** What is happening to a record. */
public enum Operation {
    CREATE, UPDATE, DELETE, RESTORE
}
