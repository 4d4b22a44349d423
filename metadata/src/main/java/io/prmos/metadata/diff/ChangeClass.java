package io.prmos.metadata.diff;

/** How a change affects data that is already stored and the clients that use it. */
public enum ChangeClass {
    /** Adds or relaxes something; existing records and clients keep working. */
    ADDITIVE,
    /** May lose data or break clients; needs a major version and, for data loss, an explicit acknowledgement. */
    BREAKING,
    /** Presentation or access only (labels, UI, navigation, roles, permissions); no effect on the schema. */
    COSMETIC
}
