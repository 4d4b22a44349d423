package io.prmos.engine.designer;

import io.prmos.metadata.diff.Change;
import io.prmos.metadata.diff.ChangeClass;
import io.prmos.metadata.diff.ChangeKind;
import io.prmos.metadata.diff.ChangeSet;
import io.prmos.metadata.model.SemVer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the change set of a draft against the installed version into what the author must confirm:
 * each breaking change as a sentence (with the directive that acknowledges it), and the version
 * the change set needs. Plain Java over {@link io.prmos.metadata.diff.ManifestDiff}'s result.
 */
final class ReviewReport {

    private ReviewReport() {
    }

    /** The class of the whole change set, as the publish pipeline names it. */
    static String classification(ChangeSet set) {
        if (set.changes().isEmpty()) {
            return "none";
        }
        if (set.changes().stream().anyMatch(c -> c.classification() == ChangeClass.BREAKING)) {
            return "breaking";
        }
        return set.schemaChanged() ? "additive" : "cosmetic";
    }

    /** The lowest version the change set allows over {@code installed}, or {@code candidate} when it already suffices. */
    static SemVer requiredVersion(SemVer installed, SemVer candidate, ChangeSet set) {
        String classification = classification(set);
        SemVer least = switch (classification) {
            case "breaking" -> new SemVer(installed.major() + 1, 0, 0, "");
            case "additive" -> new SemVer(installed.major(), installed.minor() + 1, 0, "");
            default -> new SemVer(installed.major(), installed.minor(), installed.patch() + 1, "");
        };
        return candidate.compareTo(least) >= 0 ? candidate : least;
    }

    /** The consequences of every breaking change, then the version step when the draft's version does not suffice. */
    static List<Consequence> consequences(SemVer installed, SemVer candidate, ChangeSet set, int dependents) {
        List<Consequence> out = new ArrayList<>();
        for (Change change : set.changes()) {
            if (change.classification() == ChangeClass.BREAKING) {
                out.add(of(change));
            }
        }
        SemVer required = requiredVersion(installed, candidate, set);
        if (!required.equals(candidate)) {
            String why = switch (classification(set)) {
                case "breaking" -> "breaking changes need a new major version"
                        + (dependents > 0 ? "; modules that require ^" + installed.major() + " of this module must be updated to accept it" : "");
                case "additive" -> "schema changes need a new minor version";
                default -> "every publish needs a higher version";
            };
            out.add(new Consequence("VERSION", "version", "The version becomes " + required + " (was " + installed + "): " + why + ".",
                    null, required.toString(), false, false));
        }
        return out;
    }

    private static Consequence of(Change change) {
        String[] target = change.target().split("\\.", 2);
        boolean ack = change.acknowledged();
        return switch (change.kind()) {
            case FIELD_REMOVED -> new Consequence(change.kind().name(), change.target(), "Field " + target[1] + " is removed from "
                    + target[0] + ": it disappears from the API, the pages and every tenant's records; the stored values are archived "
                    + "in the database until an operator purges them.", drop("entity", target[0], "field", target[1]), null, ack, false);
            case ENTITY_REMOVED -> new Consequence(change.kind().name(), change.target(), "Entity " + target[0] + " is removed with "
                    + "every tenant's records: its API, pages and permissions disappear; the table is archived until an operator purges it.",
                    drop("entity", target[0], null, null), null, ack, false);
            case DICTIONARY_REMOVED -> new Consequence(change.kind().name(), change.target(), "Dictionary " + target[0]
                    + " is removed.", drop("dictionary", target[0], null, null), null, ack, false);
            case DICTIONARY_VALUE_REMOVED -> new Consequence(change.kind().name(), change.target(), "Value " + target[1]
                    + " is removed from dictionary " + target[0] + ": it can no longer be chosen, and records that hold it no longer "
                    + "pass validation until they are changed.", drop("dictionary", target[0], "value", target[1]), null, ack, false);
            case FIELD_RENAMED, ENTITY_RENAMED -> new Consequence(change.kind().name(), change.target(), "Renamed: "
                    + change.description() + ". Stored data is kept; API clients and saved filters that use the old name break.",
                    null, null, true, false);
            case FIELD_MADE_UNIQUE, INDEX_ADDED -> new Consequence(change.kind().name(), change.target(), change.description()
                    + ". Publishing fails, changing nothing, if stored records hold duplicates.", null, null, true, false);
            default -> new Consequence(change.kind().name(), change.target(), blockingSentence(change), null, null, false, true);
        };
    }

    private static String blockingSentence(Change change) {
        if (change.kind() == ChangeKind.FIELD_MADE_REQUIRED || change.kind() == ChangeKind.FIELD_ADDED) {
            return change.description() + ". Existing records have no value: give the field a default, which back-fills them.";
        }
        return change.description() + ". This cannot be confirmed: add a new field and remove the old one instead.";
    }

    private static Map<String, Object> drop(String kind, String name, String partKind, String part) {
        Map<String, Object> drop = new LinkedHashMap<>();
        drop.put(kind, name);
        if (partKind != null) {
            drop.put(partKind, part);
        }
        drop.put("allowDataLoss", true);
        return drop;
    }
}
