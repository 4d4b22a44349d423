package io.prmos.metadata.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the changes of one comparison in order, with the refusal each unacknowledged breaking
 * change causes. A breaking change that loses no data (uniqueness, checked when the migration runs)
 * needs only the major version, so it carries no refusal of its own.
 */
final class Findings {

    private final List<Change> changes = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();

    void additive(ChangeKind kind, String target, String description) {
        changes.add(new Change(kind, target, ChangeClass.ADDITIVE, description, false));
    }

    void cosmetic(String target, String description) {
        changes.add(new Change(ChangeKind.COSMETIC, target, ChangeClass.COSMETIC, description, false));
    }

    /** A breaking change an explicit statement in the manifest covers (a rename, a matching drop). */
    void acknowledged(ChangeKind kind, String target, String description) {
        changes.add(new Change(kind, target, ChangeClass.BREAKING, description, true));
    }

    /** A breaking change that is refused until the author does what {@code refusal} says. */
    void refused(ChangeKind kind, String target, String description, String refusal) {
        changes.add(new Change(kind, target, ChangeClass.BREAKING, description, false));
        refusals.add(refusal);
    }

    /** A breaking change that needs only a major version: it cannot lose data, but may fail when applied. */
    void majorOnly(ChangeKind kind, String target, String description) {
        changes.add(new Change(kind, target, ChangeClass.BREAKING, description, false));
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }

    List<String> refusals() {
        return List.copyOf(refusals);
    }
}
